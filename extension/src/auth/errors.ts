/**
 * Sign-in and token failures as named errors carrying Microsoft's code (an `AADSTS…` number
 * when the identity platform gave one, else the OAuth error) and what the technician can do.
 * Error codes: https://learn.microsoft.com/entra/identity-platform/reference-error-codes
 */

interface AuthFlowErrorDetails {
  /** `AADSTS…` when the identity platform gave one, else the OAuth or MSAL error code. */
  code: string;
  /** The OAuth 2.0 `error` (`login_required`, `invalid_grant`, …) or MSAL's error code. */
  oauthError: string;
  nextStep: string;
}

abstract class AuthFlowError extends Error {
  readonly code: string;
  readonly oauthError: string;
  readonly nextStep: string;

  constructor(message: string, details: AuthFlowErrorDetails, options?: ErrorOptions) {
    super(message, options);
    this.code = details.code;
    this.oauthError = details.oauthError;
    this.nextStep = details.nextStep;
  }
}

/** The session or refresh token is gone (expired, revoked, never there): a sign-in is needed. */
export class SignInRequiredError extends AuthFlowError {
  override readonly name = "SignInRequiredError";
}

/** The app has no consent in that tenant (AADSTS65001) or lacks authorisation there (AADSTS90099). */
export class ConsentRequiredError extends AuthFlowError {
  override readonly name = "ConsentRequiredError";
}

/** The technician closed the sign-in window. */
export class SignInCancelledError extends AuthFlowError {
  override readonly name = "SignInCancelledError";
}

/** No application (client) id configured yet. */
export class ClientIdMissingError extends AuthFlowError {
  override readonly name = "ClientIdMissingError";
}

/** Anything else the identity platform or MSAL reported. */
export class SignInFailedError extends AuthFlowError {
  override readonly name = "SignInFailedError";
}

/** The fields of an MSAL `AuthError` (and its server subclasses) that say what went wrong. */
export interface MsalErrorFacts {
  errorCode?: string | undefined;
  errorMessage?: string | undefined;
  subError?: string | undefined;
  /** First of the token endpoint's `error_codes`, e.g. "700084". */
  errorNo?: string | undefined;
}

/** OAuth and MSAL codes that mean "interaction required" (MSAL's InteractionRequiredAuthErrorCodes). */
const SIGN_IN_REQUIRED_CODES = new Set([
  "login_required",
  "interaction_required",
  "invalid_grant",
  "no_tokens_found",
  "native_account_unavailable",
  "refresh_token_expired",
  "no_account_error",
]);

const CONSENT_CODES = new Set(["consent_required", "AADSTS65001", "AADSTS90099", "AADSTS90094"]);

/** `AADSTS700084` from `errorNo`, or from the message when only the description carries it. */
export function aadstsCodeOf(facts: MsalErrorFacts): string | undefined {
  if (facts.errorNo !== undefined && /^\d+$/.test(facts.errorNo)) return `AADSTS${facts.errorNo}`;
  return facts.errorMessage?.match(/AADSTS\d+/)?.[0];
}

function nextStepForSignIn(code: string): string {
  switch (code) {
    case "AADSTS700084":
      return "The 24-hour sign-in of a single-page app has ended: sign in again (silently if the browser session is still there).";
    case "AADSTS700082":
      return "The sign-in expired after 90 days without use: sign in again.";
    case "AADSTS50173":
      return "The sign-in was revoked (password change or admin action): sign in again.";
    case "AADSTS50058":
      return "The Microsoft session in this browser has ended too: click Sign in again.";
    default:
      return "Sign in again.";
  }
}

/** Turns an MSAL error into one of the named errors above, keeping the original as `cause`. */
export function classifyMsalError(facts: MsalErrorFacts, cause?: unknown): Error {
  const oauthError = facts.errorCode ?? "unknown_error";
  const aadsts = aadstsCodeOf(facts);
  const code = aadsts ?? oauthError;
  const message = facts.errorMessage?.split("\n")[0]?.trim() || oauthError;
  const options = cause === undefined ? undefined : { cause };
  if (CONSENT_CODES.has(oauthError) || (aadsts !== undefined && CONSENT_CODES.has(aadsts))) {
    const nextStep =
      "Grant admin consent to tenantlens in that tenant (or repair the delegated admin access).";
    return new ConsentRequiredError(message, { code, oauthError, nextStep }, options);
  }
  if (SIGN_IN_REQUIRED_CODES.has(oauthError)) {
    const nextStep = nextStepForSignIn(code);
    return new SignInRequiredError(message, { code, oauthError, nextStep }, options);
  }
  if (oauthError === "user_cancelled") {
    const nextStep = "Start the sign-in again when ready.";
    return new SignInCancelledError(message, { code, oauthError, nextStep }, options);
  }
  const nextStep = "Try again; if it persists, check the app registration.";
  return new SignInFailedError(message, { code, oauthError, nextStep }, options);
}

function isMsalErrorLike(error: unknown): error is Error & MsalErrorFacts {
  return error instanceof Error && typeof (error as MsalErrorFacts).errorCode === "string";
}

/** Named errors pass through; MSAL errors are classified; anything else is rethrown unchanged. */
export function toAuthFlowError(error: unknown): unknown {
  if (error instanceof AuthFlowError) return error;
  if (isMsalErrorLike(error)) return classifyMsalError(error, error);
  return error;
}

/**
 * `chrome.identity.launchWebAuthFlow` rejects with plain messages; these are Chromium's
 * (chrome/browser/extensions/api/identity/identity_constants.cc).
 */
export function classifyWebAuthFlowFailure(message: string): Error {
  if (message.includes("did not approve access")) {
    return new SignInCancelledError("The sign-in window was closed.", {
      code: "user_cancelled",
      oauthError: "user_cancelled",
      nextStep: "Start the sign-in again when ready.",
    });
  }
  if (message.includes("User interaction required")) {
    return new SignInRequiredError("Signing in needs the technician's interaction.", {
      code: "interaction_required",
      oauthError: "interaction_required",
      nextStep: "Sign in interactively.",
    });
  }
  return new SignInFailedError(message, {
    code: "web_auth_flow_failed",
    oauthError: "web_auth_flow_failed",
    nextStep: "Check the network and try again.",
  });
}
