import { isUnavailable } from "../datasets/cells";
import type { UserRow } from "../datasets/users";
import { dayOf, daysSince } from "./dates";
import { failed, joinReasons, notEvaluated, passed } from "./results";
import type { Evidence, FindingResult } from "./types";

/**
 * Whether a user counts as inactive: last sign-in at least `days` ago, or never signed in although
 * the account is older than that. Returns the evidence detail, or null when the user is active.
 */
function inactivityDetail(user: UserRow, now: Date, days: number): string | null {
  const lastSignIn = user.lastSignIn;
  if (lastSignIn === null) {
    const age = user.createdOn === null ? null : daysSince(user.createdOn, now);
    if (age !== null && age < days) return null;
    return age === null ? "Never signed in" : `Never signed in; created ${age} days ago`;
  }
  if (isUnavailable(lastSignIn)) return null;
  const age = daysSince(lastSignIn, now);
  if (age === null || age < days) return null;
  return `Last sign-in ${dayOf(lastSignIn)} (${age} days ago)`;
}

/**
 * Judges a population on sign-in activity. `signInActivity` needs Entra ID P1: users whose cell
 * says "unavailable" are not judged, and if no user could be judged the finding is not evaluated
 * with the reason the cell carries.
 */
export function judgeInactivity(
  findingId: string,
  population: readonly { user: UserRow; evidence: (detail: string) => Evidence }[],
  now: Date,
  days: number,
  caveat: string | undefined,
): FindingResult {
  const unavailable = population.filter(({ user }) => isUnavailable(user.lastSignIn));
  if (population.length > 0 && unavailable.length === population.length) {
    const first = unavailable[0]?.user.lastSignIn;
    const why = first !== undefined && isUnavailable(first) ? first.reason : "unavailable";
    return notEvaluated(findingId, `last sign-in not available: ${why}`);
  }
  const unavailableNote =
    unavailable.length > 0
      ? `last sign-in unavailable for ${unavailable.length} of ${population.length}`
      : undefined;
  const evidence = population.flatMap(({ user, evidence }) => {
    const detail = inactivityDetail(user, now, days);
    return detail === null ? [] : [evidence(detail)];
  });
  const reason = joinReasons(unavailableNote, caveat);
  return evidence.length > 0 ? failed(findingId, evidence, reason) : passed(findingId, reason);
}
