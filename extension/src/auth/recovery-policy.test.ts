import { describe, expect, it } from "vitest";
import { type AuthStatus, SIGNED_OUT } from "../state";
import { classifyMsalError } from "./errors";
import { planRecovery } from "./recovery-policy";

const SIGNED_IN: AuthStatus = {
  ...SIGNED_OUT,
  state: "signedIn",
  account: { username: "admin@partner.test", homeTenantId: "c0a1b2c3-d4e5-4f60-8172-93a4b5c6d7e8" },
};

/** The error as it reaches the service worker from the offscreen document: a plain object's fields. */
function asRemote(error: Error): { name: string; code: unknown; oauthError: unknown } {
  const { code, oauthError } = error as Error & { code?: unknown; oauthError?: unknown };
  return { name: error.name, code, oauthError };
}

function tokenEndpointError(errorNo: string, errorCode = "invalid_grant") {
  return asRemote(
    classifyMsalError({ errorCode, errorNo, errorMessage: `AADSTS${errorNo}: description` }),
  );
}

describe("planRecovery", () => {
  it.each([
    ["the SPA refresh token's 24 hours are over", "700084"],
    ["the refresh token expired unused", "700082"],
    ["the refresh token was revoked", "50173"],
  ])("recovers silently when %s (AADSTS%s)", (_reason, errorNo) => {
    expect(planRecovery(tokenEndpointError(errorNo), SIGNED_IN)).toBe("recoverSilently");
  });

  it("recovers silently when Entra asks for interaction on a token request", () => {
    const error = tokenEndpointError("50076", "interaction_required");
    expect(planRecovery(error, SIGNED_IN)).toBe("recoverSilently");
  });

  it("recovers silently when MSAL lost its account with a closed offscreen document", () => {
    const error = asRemote(classifyMsalError({ errorCode: "no_account_error" }));
    expect(planRecovery(error, SIGNED_IN)).toBe("recoverSilently");
  });

  it("surfaces login_required (AADSTS50058): a prompt=none answer cannot be retried silently", () => {
    const error = asRemote(
      classifyMsalError({ errorCode: "login_required", errorMessage: "AADSTS50058: no session" }),
    );
    expect(planRecovery(error, SIGNED_IN)).toBe("surface");
  });

  it("surfaces errors that are not about the sign-in (consent, Graph, network)", () => {
    const consent = asRemote(
      classifyMsalError({
        errorCode: "invalid_grant",
        errorMessage: "AADSTS90099: not authorised",
      }),
    );
    expect(planRecovery(consent, SIGNED_IN)).toBe("surface");
    expect(planRecovery(new TypeError("Failed to fetch"), SIGNED_IN)).toBe("surface");
    expect(planRecovery("a string", SIGNED_IN)).toBe("surface");
  });

  it("surfaces when nobody signed in (no account to hint)", () => {
    expect(planRecovery(tokenEndpointError("700084"), SIGNED_OUT)).toBe("surface");
  });

  it("surfaces once a silent attempt already ended in needing the click", () => {
    const waiting: AuthStatus = { ...SIGNED_IN, state: "needsInteractiveSignIn" };
    expect(planRecovery(tokenEndpointError("700084"), waiting)).toBe("surface");
  });
});
