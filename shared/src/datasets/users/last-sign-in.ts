import type { GraphUser } from "../../graph-types";
import { type UnavailableCell, unavailable } from "../cells";
import { latestDateTime } from "../date-times";

export const SIGN_IN_NEEDS_P1 = unavailable(
  "Not available from Microsoft Graph without Entra ID P1: signInActivity requires it",
);

/**
 * The last successful sign-in, which is what tells an unused account from a used one; for data
 * from before Graph recorded successful sign-ins separately (December 2023), the latest attempt.
 * Null means Graph has no sign-in recorded for the user.
 */
export function lastSignInOf(
  user: Pick<GraphUser, "signInActivity">,
  collected: boolean,
): string | null | UnavailableCell {
  if (!collected) return SIGN_IN_NEEDS_P1;
  const activity = user.signInActivity;
  if (!activity) return null;
  if (activity.lastSuccessfulSignInDateTime) return activity.lastSuccessfulSignInDateTime;
  return latestDateTime(activity.lastSignInDateTime, activity.lastNonInteractiveSignInDateTime);
}
