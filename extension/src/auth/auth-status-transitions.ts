import type { SignInMode } from "../messages";
import { type AuthStatus, SIGNED_OUT } from "../state";
import { entraNow } from "./token-health";

/**
 * How the auth status item changes on each event, as pure functions of (status, facts, browser
 * time). The service worker reads, applies one of these, and writes.
 */

/** A new Entra clock offset is recorded only when it moved this much (fewer storage writes). */
const OFFSET_CHANGE_WORTH_RECORDING_MS = 60_000;

export interface SignInFacts {
  account: { username: string; homeTenantId: string };
  /**
   * `iat` of the access token the sign-in's code was redeemed for, on Entra's clock (epoch ms),
   * or null when the token had none (Microsoft documents no claim as guaranteed).
   */
  issuedAtMs: number | null;
  mode: SignInMode;
}

/**
 * After a sign-in (interactive, or silent with `prompt=none`): a new refresh token family began
 * at the code redemption, so the 24 hours start again from the new `signedInAt` (MSAL does not
 * expose a refresh token's expiry; `refreshTokenExpiresAt` in token-health.ts derives it).
 */
export function afterSignIn(
  status: AuthStatus,
  facts: SignInFacts,
  browserNowMs: number,
): AuthStatus {
  const offset =
    facts.issuedAtMs === null ? status.entraClockOffsetMs : facts.issuedAtMs - browserNowMs;
  const signedInAt = facts.issuedAtMs ?? browserNowMs + offset;
  const sameAccount = status.account?.username === facts.account.username;
  return {
    state: "signedIn",
    account: facts.account,
    entraClockOffsetMs: offset,
    signedInAt,
    lastSilentRecoveryAt:
      facts.mode === "silent" ? signedInAt : sameAccount ? status.lastSilentRecoveryAt : null,
    lastSilentAttemptAt: sameAccount ? status.lastSilentAttemptAt : null,
    code: null,
    nextStep: null,
  };
}

/** A silent re-sign-in starts (recorded before it runs, so that a crash still counts). */
export function afterSilentAttemptStarted(status: AuthStatus, browserNowMs: number): AuthStatus {
  return { ...status, lastSilentAttemptAt: entraNow(status, browserNowMs) };
}

/** The health check found the last hour begun and starts renewing. */
export function afterRenewalDue(status: AuthStatus): AuthStatus {
  return status.state === "signedIn" ? { ...status, state: "expiringSoon" } : status;
}

/**
 * A token fresh from Entra tells Entra's time (`iat`); the offset is kept when it moved by a
 * minute or more. Returns the same object when nothing worth writing changed.
 */
export function afterTokenIssued(
  status: AuthStatus,
  issuedAtMs: number,
  browserNowMs: number,
): AuthStatus {
  if (status.state === "signedOut") return status;
  const offset = issuedAtMs - browserNowMs;
  if (Math.abs(offset - status.entraClockOffsetMs) < OFFSET_CHANGE_WORTH_RECORDING_MS)
    return status;
  return { ...status, entraClockOffsetMs: offset };
}

/**
 * Silent recovery failed for good (`login_required`: no Microsoft session left): the technician
 * must click "Sign in again". The account stays known, to say who should sign in.
 */
export function afterSignInRequired(
  status: AuthStatus,
  failure: { code: string | null; nextStep: string | null },
): AuthStatus {
  // Nobody signed in yet in this browser session: "Not signed in" says it already.
  if (status.account === null) return SIGNED_OUT;
  // The failure that first required the click explains it best (later ones follow from it).
  if (status.state === "needsInteractiveSignIn") return status;
  return {
    ...status,
    state: "needsInteractiveSignIn",
    code: failure.code,
    nextStep: failure.nextStep,
  };
}
