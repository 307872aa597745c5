import { planRecovery } from "../auth/recovery-policy";
import { authStatusItem, readItem } from "../state";
import { recordIfSignInRequired, recordRenewalDue } from "./auth-status";
import { signIn } from "./handlers/sign-in";

/**
 * Tokens that don't silently die: a token request that fails because the sign-in is over
 * (AADSTS700084 after the SPA's 24 hours, a revoked or unused refresh token, MSAL's cache gone
 * with a closed offscreen document) gets one silent re-sign-in (`prompt=none` through
 * `launchWebAuthFlow({ interactive: false })`, which sees Entra's session cookie) and one retry.
 * Only if that fails (`login_required`, AADSTS50058) does the caller see `SignInRequiredError`,
 * and the auth status asks for the one click. See docs/decisions/extension-msal-in-mv3.md.
 */

/** The silent re-sign-in under way; every request that needs one meanwhile waits for it. */
let recovery: Promise<void> | null = null;
/** Counts finished recoveries, so a request can tell one happened while it was on its way. */
let finishedRecoveries = 0;

/** One silent re-sign-in at a time, shared by every caller (no storm of auth flows). */
export function recoverSilently(): Promise<void> {
  recovery ??= signIn({ mode: "silent" })
    .then(() => undefined)
    .finally(() => {
      recovery = null;
      finishedRecoveries += 1;
    });
  return recovery;
}

/** The alarm's renewal before the 24 hours end: shows "expiring soon", then renews silently. */
export async function renewBeforeExpiry(): Promise<void> {
  await recordRenewalDue();
  await recoverSilently();
}

/**
 * Runs a token request; on a "sign-in required" failure, recovers silently once (or joins the
 * recovery under way) and retries once. Never loops: the retry's failure goes to the caller.
 */
export async function withSilentRecovery<T>(request: () => Promise<T>): Promise<T> {
  const recoveriesBefore = finishedRecoveries;
  try {
    return await request();
  } catch (error) {
    if (planRecovery(error, await readItem(authStatusItem)) === "surface") {
      await recordIfSignInRequired(error);
      throw error;
    }
    // A recovery that finished after this request left has renewed the sign-in already: the
    // request failed on the old one, and only needs repeating.
    if (finishedRecoveries === recoveriesBefore) await recoverSilently();
  }
  try {
    return await request();
  } catch (retryError) {
    await recordIfSignInRequired(retryError);
    throw retryError;
  }
}
