import { DAY_MS } from "../graph-ids";

/** The Secure Score control the "admin MFA" policy earns, and the one a score drop takes away. */
export const ADMIN_MFA_CONTROL = "AdminMFAV2";

/** Secure Score is computed once a day; here at 15:21 UTC. */
const DAILY_RUN_MS = 15 * 3_600_000 + 21 * 60_000;

/** When the newest daily score was computed: the last daily run at or before `nowMs`. */
export function latestScoreMs(nowMs: number): number {
  return Math.floor((nowMs - DAILY_RUN_MS) / DAY_MS) * DAY_MS + DAILY_RUN_MS;
}

/** How many daily scores ago a `secureScoreDrop` happens (scores 0..2 are low, 3 and older high). */
export const DROP_SCORES_AGO = 3;
