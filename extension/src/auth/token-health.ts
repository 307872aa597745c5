import type { AuthState, AuthStatus } from "../state";

/**
 * How healthy the technician's sign-in is, computed from the auth status item and the current
 * time. Pure: the service worker's alarm and the popup ask the same questions of the same facts.
 *
 * Clocks: the instants in the status are on Entra's clock (`iat` of the tokens it issued), because
 * Entra, not this browser, decides when the refresh token dies. `entraClockOffsetMs` turns the
 * browser's clock into Entra's.
 */
const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

/**
 * Refresh tokens sent to a SPA redirect URI live 24 hours from the sign-in and are never
 * extended; the ones redeemed from them keep that end (AADSTS700084 afterwards).
 * https://learn.microsoft.com/entra/identity-platform/refresh-tokens#token-lifetime
 */
export const SPA_REFRESH_TOKEN_LIFETIME_MS = 24 * HOUR;
/** Renew silently this long before the end, so that a sync never runs into it. */
export const RENEW_BEFORE_EXPIRY_MS = HOUR;
/** Proactive silent attempts are at least this far apart (a network outage must not spin). */
export const SILENT_ATTEMPT_SPACING_MS = 10 * MINUTE;
/** The health alarm also repeats this often: alarms can fire late after the device slept. */
export const HEALTH_CHECK_PERIOD_MINUTES = 10;

export function entraNow(status: AuthStatus, browserNowMs: number): number {
  return browserNowMs + status.entraClockOffsetMs;
}

export function toBrowserTime(status: AuthStatus, entraMs: number): number {
  return entraMs - status.entraClockOffsetMs;
}

/**
 * When (Entra's clock) Entra refuses the refresh token, or null while nobody is signed in:
 * always the sign-in + 24 hours, since MSAL does not expose a refresh token's expiry (only
 * `expiresOn`/`extExpiresOn` of access tokens), so it is derived rather than stored.
 */
export function refreshTokenExpiresAt(status: AuthStatus): number | null {
  return status.signedInAt === null ? null : status.signedInAt + SPA_REFRESH_TOKEN_LIFETIME_MS;
}

/** Milliseconds until Entra refuses the refresh token (negative once past), or null if unknown. */
export function refreshTokenTimeLeftMs(status: AuthStatus, browserNowMs: number): number | null {
  const expiresAt = refreshTokenExpiresAt(status);
  if (expiresAt === null) return null;
  return expiresAt - entraNow(status, browserNowMs);
}

/** The state to show now: a signed-in status is "expiring soon" in its last hour (and after). */
export function currentAuthState(status: AuthStatus, browserNowMs: number): AuthState {
  if (status.state !== "signedIn") return status.state;
  const left = refreshTokenTimeLeftMs(status, browserNowMs);
  return left !== null && left <= RENEW_BEFORE_EXPIRY_MS ? "expiringSoon" : "signedIn";
}

/** True when the alarm should renew silently now: the last hour began, and no attempt is recent. */
export function isProactiveRenewalDue(status: AuthStatus, browserNowMs: number): boolean {
  if (currentAuthState(status, browserNowMs) !== "expiringSoon") return false;
  if (status.account === null) return false;
  const lastAttempt = status.lastSilentAttemptAt;
  return (
    lastAttempt === null ||
    entraNow(status, browserNowMs) - lastAttempt >= SILENT_ATTEMPT_SPACING_MS
  );
}

/**
 * When (browser clock, epoch ms) the health alarm should next look: at the start of the last
 * hour, not before the attempt spacing allows, never in the past; null when there is nothing to
 * watch (signed out, or waiting for the technician's click).
 */
export function nextHealthCheckAt(status: AuthStatus, browserNowMs: number): number | null {
  if (status.state === "signedOut" || status.state === "needsInteractiveSignIn") return null;
  const expiresAt = refreshTokenExpiresAt(status);
  if (expiresAt === null) return null;
  const renewAt = toBrowserTime(status, expiresAt - RENEW_BEFORE_EXPIRY_MS);
  const spacedUntil =
    status.lastSilentAttemptAt === null
      ? Number.NEGATIVE_INFINITY
      : toBrowserTime(status, status.lastSilentAttemptAt + SILENT_ATTEMPT_SPACING_MS);
  return Math.max(renewAt, spacedUntil, browserNowMs);
}
