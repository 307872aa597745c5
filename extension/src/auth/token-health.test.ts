import { describe, expect, it } from "vitest";
import { type AuthStatus, SIGNED_OUT } from "../state";
import {
  currentAuthState,
  entraNow,
  HEALTH_CHECK_PERIOD_MINUTES,
  isProactiveRenewalDue,
  nextHealthCheckAt,
  refreshTokenExpiresAt,
  refreshTokenTimeLeftMs,
  SILENT_ATTEMPT_SPACING_MS,
} from "./token-health";

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
/** Entra's clock at the sign-in (any instant will do). */
const SIGNED_IN_AT = Date.UTC(2026, 10, 26, 9, 0, 0);

/** Signed in at SIGNED_IN_AT on Entra's clock, with this browser `offset` behind Entra. */
function signedIn(overrides: Partial<AuthStatus> = {}): AuthStatus {
  return {
    ...SIGNED_OUT,
    state: "signedIn",
    account: {
      username: "admin@partner.test",
      homeTenantId: "c0a1b2c3-d4e5-4f60-8172-93a4b5c6d7e8",
    },
    signedInAt: SIGNED_IN_AT,
    ...overrides,
  };
}

describe("time left on the 24-hour sign-in", () => {
  it("ends 24 hours after the sign-in on Entra's clock, whatever the browser's offset", () => {
    expect(refreshTokenExpiresAt(signedIn({ entraClockOffsetMs: 5 * MINUTE }))).toBe(
      SIGNED_IN_AT + 24 * HOUR,
    );
  });

  it("counts down on Entra's clock, translated from the browser's by the measured offset", () => {
    const status = signedIn({ entraClockOffsetMs: 5 * MINUTE });
    // The browser's clock is 5 minutes behind Entra's: at browser 09:55 Entra says 10:00.
    const browserNow = SIGNED_IN_AT + HOUR - 5 * MINUTE;
    expect(entraNow(status, browserNow)).toBe(SIGNED_IN_AT + HOUR);
    expect(refreshTokenTimeLeftMs(status, browserNow)).toBe(23 * HOUR);
  });

  it("is unknown while nobody is signed in", () => {
    expect(refreshTokenExpiresAt(SIGNED_OUT)).toBeNull();
    expect(refreshTokenTimeLeftMs(SIGNED_OUT, SIGNED_IN_AT)).toBeNull();
  });
});

describe("currentAuthState", () => {
  it("stays signed in until the last hour of the 24", () => {
    expect(currentAuthState(signedIn(), SIGNED_IN_AT + 22 * HOUR + 59 * MINUTE)).toBe("signedIn");
  });

  it("turns expiring soon in the last hour, and stays so after the end", () => {
    expect(currentAuthState(signedIn(), SIGNED_IN_AT + 23 * HOUR)).toBe("expiringSoon");
    expect(currentAuthState(signedIn(), SIGNED_IN_AT + 25 * HOUR)).toBe("expiringSoon");
  });

  it("keeps the states only events decide: signed out, needs interactive sign-in", () => {
    const needsClick = signedIn({ state: "needsInteractiveSignIn" });
    expect(currentAuthState(needsClick, SIGNED_IN_AT)).toBe("needsInteractiveSignIn");
    expect(currentAuthState(SIGNED_OUT, SIGNED_IN_AT)).toBe("signedOut");
  });
});

describe("isProactiveRenewalDue", () => {
  it("is due in the last hour when no silent attempt was made", () => {
    expect(isProactiveRenewalDue(signedIn(), SIGNED_IN_AT + 23 * HOUR + MINUTE)).toBe(true);
  });

  it("is not due earlier", () => {
    expect(isProactiveRenewalDue(signedIn(), SIGNED_IN_AT + 22 * HOUR)).toBe(false);
  });

  it("waits the spacing after an attempt, so an outage does not spin", () => {
    const attemptAt = SIGNED_IN_AT + 23 * HOUR + MINUTE;
    const status = signedIn({ lastSilentAttemptAt: attemptAt });
    expect(isProactiveRenewalDue(status, attemptAt + SILENT_ATTEMPT_SPACING_MS - 1)).toBe(false);
    expect(isProactiveRenewalDue(status, attemptAt + SILENT_ATTEMPT_SPACING_MS)).toBe(true);
  });

  it("is never due while waiting for the technician's click", () => {
    const status = signedIn({ state: "needsInteractiveSignIn" });
    expect(isProactiveRenewalDue(status, SIGNED_IN_AT + 23 * HOUR + MINUTE)).toBe(false);
  });
});

describe("nextHealthCheckAt", () => {
  it("aims at the start of the last hour, on the browser's clock", () => {
    const status = signedIn({ entraClockOffsetMs: -2 * MINUTE });
    // Entra's 08:00 next day is the browser's 08:02.
    expect(nextHealthCheckAt(status, SIGNED_IN_AT)).toBe(SIGNED_IN_AT + 23 * HOUR + 2 * MINUTE);
  });

  it("is now when the last hour has already begun", () => {
    const now = SIGNED_IN_AT + 23 * HOUR + 30 * MINUTE;
    expect(nextHealthCheckAt(signedIn(), now)).toBe(now);
  });

  it("is after the spacing when an attempt was just made", () => {
    const attemptAt = SIGNED_IN_AT + 23 * HOUR + 30 * MINUTE;
    const status = signedIn({ lastSilentAttemptAt: attemptAt });
    expect(nextHealthCheckAt(status, attemptAt + MINUTE)).toBe(
      attemptAt + SILENT_ATTEMPT_SPACING_MS,
    );
  });

  it("has nothing to watch when signed out or waiting for a click", () => {
    expect(nextHealthCheckAt(SIGNED_OUT, SIGNED_IN_AT)).toBeNull();
    expect(
      nextHealthCheckAt(signedIn({ state: "needsInteractiveSignIn" }), SIGNED_IN_AT),
    ).toBeNull();
  });

  it("repeats often enough to land inside the last hour even if one alarm is lost", () => {
    expect(HEALTH_CHECK_PERIOD_MINUTES * MINUTE).toBeLessThan(HOUR / 2);
  });
});
