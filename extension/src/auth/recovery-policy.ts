import type { AuthStatus } from "../state";

/**
 * Whether a failed token request is worth one silent re-sign-in (`prompt=none`) before the
 * technician is asked to click. Pure: decided from the error's name and codes (as they cross
 * contexts, see `messaging/envelope.ts`) and the auth status.
 */
export type RecoveryPlan = "recoverSilently" | "surface";

interface ErrorFacts {
  name?: unknown;
  code?: unknown;
  oauthError?: unknown;
}

/**
 * Answers of a `prompt=none` request itself: trying it again cannot help.
 * https://learn.microsoft.com/entra/identity-platform/reference-error-codes (AADSTS50058)
 */
const SILENT_SIGN_IN_DEAD_ENDS = new Set(["login_required", "AADSTS50058"]);

/**
 * Recover silently from a "sign-in required" failure of a token request: the SPA refresh token's
 * 24 hours are over (AADSTS700084), it expired unused (AADSTS700082), it was revoked
 * (AADSTS50173), Entra wants interaction (`interaction_required`), or MSAL has no account or
 * tokens because Chrome closed the offscreen document and its session storage with it. Only when
 * the account is known (it gives the login hint) and no silent attempt already ended in
 * "needs interactive sign-in". Everything else (consent, throttling, network) is not a sign-in
 * problem and goes to the caller as it is.
 */
export function planRecovery(error: unknown, status: AuthStatus): RecoveryPlan {
  if (typeof error !== "object" || error === null) return "surface";
  const { name, code, oauthError } = error as ErrorFacts;
  if (name !== "SignInRequiredError") return "surface";
  if (
    SILENT_SIGN_IN_DEAD_ENDS.has(String(oauthError)) ||
    SILENT_SIGN_IN_DEAD_ENDS.has(String(code))
  )
    return "surface";
  if (status.account === null) return "surface";
  if (status.state === "needsInteractiveSignIn" || status.state === "signedOut") return "surface";
  return "recoverSilently";
}
