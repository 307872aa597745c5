import { DAY_MS, isoSeconds } from "../graph-ids";
import type { GenerationContext } from "./context";

type SignInBucket = "recent" | "month" | "stale" | "never";
const ENABLED_SIGN_IN_BUCKETS: readonly (readonly [SignInBucket, number])[] = [
  ["recent", 72],
  ["month", 12],
  ["stale", 9],
  ["never", 7],
];
/** Disabled accounts are mostly leavers: their last sign-in is old. */
const DISABLED_SIGN_IN_BUCKETS: readonly (readonly [SignInBucket, number])[] = [
  ["recent", 10],
  ["month", 12],
  ["stale", 60],
  ["never", 7],
];
const SIGN_IN_DAYS: Record<Exclude<SignInBucket, "never">, readonly [number, number]> = {
  recent: [0, 14],
  month: [15, 89],
  stale: [91, 400],
};

/** A never-used account: Graph reports the activity object with null timestamps. */
const NEVER_SIGNED_IN = Object.freeze({
  lastSignInDateTime: null,
  lastSignInRequestId: null,
  lastNonInteractiveSignInDateTime: null,
  lastNonInteractiveSignInRequestId: null,
  lastSuccessfulSignInDateTime: null,
  lastSuccessfulSignInRequestId: null,
});

/**
 * Who signs in how: built-in and named accounts are in daily use ("active"); staff and guests
 * spread over recent, older than 90 days (the usual "stale account" finding) and never
 * ("typical"); emergency-access accounts and pending invitations never sign in ("never").
 */
export type SignInPattern = "active" | "typical" | "never";

/** `user.signInActivity`, never dated before the account existed. */
export function signInActivity(
  context: GenerationContext,
  pattern: SignInPattern,
  accountEnabled: boolean,
  createdMs: number,
): object {
  const { rng, nowMs } = context;
  if (pattern === "never") return NEVER_SIGNED_IN;
  const ageDays = Math.max(0, Math.floor((nowMs - createdMs) / DAY_MS));
  const bucket =
    pattern === "active"
      ? "recent"
      : rng.weighted(accountEnabled ? ENABLED_SIGN_IN_BUCKETS : DISABLED_SIGN_IN_BUCKETS);
  if (bucket === "never") return NEVER_SIGNED_IN;
  const [minDays, maxDays] = SIGN_IN_DAYS[bucket];
  const daysAgo = Math.min(ageDays, rng.int(minDays, maxDays));
  const interactiveMs = Math.max(createdMs, nowMs - daysAgo * DAY_MS - rng.int(0, DAY_MS - 1));
  const nonInteractiveMs = Math.min(nowMs, interactiveMs + rng.int(0, 3 * DAY_MS));
  const success = rng.chance(0.95);
  return {
    lastSignInDateTime: isoSeconds(interactiveMs),
    lastSignInRequestId: rng.guid(),
    lastNonInteractiveSignInDateTime: isoSeconds(nonInteractiveMs),
    lastNonInteractiveSignInRequestId: rng.guid(),
    lastSuccessfulSignInDateTime: success
      ? isoSeconds(Math.max(interactiveMs, nonInteractiveMs))
      : isoSeconds(Math.max(createdMs, interactiveMs - DAY_MS)),
    lastSuccessfulSignInRequestId: rng.guid(),
  };
}
