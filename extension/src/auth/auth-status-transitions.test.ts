import { describe, expect, it } from "vitest";
import { type AuthStatus, SIGNED_OUT } from "../state";
import {
  afterRenewalDue,
  afterSignIn,
  afterSignInRequired,
  afterSilentAttemptStarted,
  afterTokenIssued,
} from "./auth-status-transitions";
import { refreshTokenExpiresAt } from "./token-health";

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const ACCOUNT = {
  username: "admin@partner.test",
  homeTenantId: "c0a1b2c3-d4e5-4f60-8172-93a4b5c6d7e8",
};
const BROWSER_NOW = Date.UTC(2026, 10, 26, 9, 0, 0);

function interactiveSignIn(entraIssuedAt: number | null): AuthStatus {
  return afterSignIn(
    SIGNED_OUT,
    { account: ACCOUNT, issuedAtMs: entraIssuedAt, mode: "interactive" },
    BROWSER_NOW,
  );
}

describe("afterSignIn", () => {
  it("starts the 24 hours at Entra's time of the code redemption and measures the clock offset", () => {
    const status = interactiveSignIn(BROWSER_NOW + 3 * MINUTE);
    expect(status).toMatchObject({
      state: "signedIn",
      account: ACCOUNT,
      entraClockOffsetMs: 3 * MINUTE,
      signedInAt: BROWSER_NOW + 3 * MINUTE,
      lastSilentRecoveryAt: null,
    });
    expect(refreshTokenExpiresAt(status)).toBe(BROWSER_NOW + 3 * MINUTE + 24 * HOUR);
  });

  it("falls back to the browser's clock when the token had no iat", () => {
    const status = interactiveSignIn(null);
    expect(status.signedInAt).toBe(BROWSER_NOW);
    expect(refreshTokenExpiresAt(status)).toBe(BROWSER_NOW + 24 * HOUR);
  });

  it("records a silent re-sign-in as the last silent recovery, and clears a past failure", () => {
    const failed = afterSignInRequired(interactiveSignIn(BROWSER_NOW), {
      code: "AADSTS700084",
      nextStep: "Sign in again.",
    });
    const later = BROWSER_NOW + 23 * HOUR;
    const renewed = afterSignIn(
      failed,
      { account: ACCOUNT, issuedAtMs: later, mode: "silent" },
      later,
    );
    expect(renewed).toMatchObject({
      state: "signedIn",
      lastSilentRecoveryAt: later,
      code: null,
      nextStep: null,
    });
    expect(refreshTokenExpiresAt(renewed)).toBe(later + 24 * HOUR);
  });

  it("forgets another account's silent-recovery history", () => {
    const first = afterSilentAttemptStarted(interactiveSignIn(BROWSER_NOW), BROWSER_NOW);
    const other = afterSignIn(
      first,
      {
        account: { ...ACCOUNT, username: "other@partner.test" },
        issuedAtMs: BROWSER_NOW,
        mode: "interactive",
      },
      BROWSER_NOW,
    );
    expect(other.lastSilentAttemptAt).toBeNull();
  });
});

describe("afterTokenIssued", () => {
  it("moves the offset when Entra's clock turned out a minute or more away", () => {
    const status = interactiveSignIn(BROWSER_NOW);
    const later = afterTokenIssued(status, BROWSER_NOW + 23 * HOUR, BROWSER_NOW + 10_000);
    expect(later.entraClockOffsetMs).toBe(23 * HOUR - 10_000);
  });

  it("returns the same status (no write) for a smaller drift", () => {
    const status = interactiveSignIn(BROWSER_NOW);
    expect(afterTokenIssued(status, BROWSER_NOW + 30_000, BROWSER_NOW)).toBe(status);
  });

  it("ignores tokens while signed out", () => {
    expect(afterTokenIssued(SIGNED_OUT, BROWSER_NOW + HOUR, BROWSER_NOW)).toBe(SIGNED_OUT);
  });
});

describe("afterSilentAttemptStarted and afterRenewalDue", () => {
  it("stamps the attempt on Entra's clock", () => {
    const status = interactiveSignIn(BROWSER_NOW + 2 * MINUTE);
    expect(afterSilentAttemptStarted(status, BROWSER_NOW + HOUR).lastSilentAttemptAt).toBe(
      BROWSER_NOW + HOUR + 2 * MINUTE,
    );
  });

  it("shows a signed-in status as expiring soon, and leaves others alone", () => {
    expect(afterRenewalDue(interactiveSignIn(BROWSER_NOW)).state).toBe("expiringSoon");
    expect(afterRenewalDue(SIGNED_OUT)).toBe(SIGNED_OUT);
  });
});

describe("afterSignInRequired", () => {
  it("asks for the click, keeping who should sign in and Microsoft's code", () => {
    const status = afterSignInRequired(interactiveSignIn(BROWSER_NOW), {
      code: "AADSTS50058",
      nextStep: "Sign in again.",
    });
    expect(status).toMatchObject({
      state: "needsInteractiveSignIn",
      account: ACCOUNT,
      code: "AADSTS50058",
      nextStep: "Sign in again.",
    });
  });

  it("keeps the first failure that required the click", () => {
    const first = afterSignInRequired(interactiveSignIn(BROWSER_NOW), {
      code: "AADSTS50058",
      nextStep: "Sign in again.",
    });
    expect(afterSignInRequired(first, { code: "AADSTS700084", nextStep: null })).toBe(first);
  });

  it("stays signed out when nobody had signed in", () => {
    expect(afterSignInRequired(SIGNED_OUT, { code: "no_account_error", nextStep: null })).toBe(
      SIGNED_OUT,
    );
  });
});
