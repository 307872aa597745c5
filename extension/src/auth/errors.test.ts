import { describe, expect, it } from "vitest";
import {
  aadstsCodeOf,
  ConsentRequiredError,
  classifyMsalError,
  classifyWebAuthFlowFailure,
  SignInCancelledError,
  SignInFailedError,
  SignInRequiredError,
} from "./errors";

const EXPIRED_SPA_DESCRIPTION =
  "AADSTS700084: The refresh token was issued to a single page app (SPA), and therefore has a fixed, limited lifetime of 1.00:00:00, which cannot be extended.\r\nTrace ID: 1\r\nCorrelation ID: 2\r\nTimestamp: 2026-11-26 13:00:00Z";

describe("classifyMsalError", () => {
  it("names the expired SPA refresh token AADSTS700084 and asks for a sign-in", () => {
    const error = classifyMsalError({
      errorCode: "invalid_grant",
      errorMessage: EXPIRED_SPA_DESCRIPTION,
      errorNo: "700084",
    });
    expect(error).toBeInstanceOf(SignInRequiredError);
    expect(error).toMatchObject({ code: "AADSTS700084", oauthError: "invalid_grant" });
    expect((error as SignInRequiredError).nextStep).toMatch(/24-hour/);
    expect(error.message).toMatch(/^AADSTS700084: The refresh token/);
    expect(error.message).not.toMatch(/Trace ID/);
  });

  it("reads the AADSTS code from the description when error_codes is absent", () => {
    expect(aadstsCodeOf({ errorMessage: "AADSTS50058: A silent sign-in request was sent" })).toBe(
      "AADSTS50058",
    );
  });

  it("treats login_required from a prompt=none answer as a sign-in to do", () => {
    const error = classifyMsalError({
      errorCode: "login_required",
      errorMessage: "AADSTS50058: A silent sign-in request was sent but no user is signed in.",
    });
    expect(error).toBeInstanceOf(SignInRequiredError);
    expect(error).toMatchObject({ code: "AADSTS50058", oauthError: "login_required" });
    expect((error as SignInRequiredError).nextStep).toMatch(/Sign in again/);
  });

  it("recognises missing consent (AADSTS65001) even under invalid_grant", () => {
    const error = classifyMsalError({
      errorCode: "invalid_grant",
      errorMessage:
        "AADSTS65001: The user or administrator has not consented to use the application",
    });
    expect(error).toBeInstanceOf(ConsentRequiredError);
    expect(error).toMatchObject({ code: "AADSTS65001" });
  });

  it("keeps an unknown failure as a generic sign-in failure with its OAuth code", () => {
    const error = classifyMsalError({ errorCode: "temporarily_unavailable" });
    expect(error).toBeInstanceOf(SignInFailedError);
    expect(error).toMatchObject({ code: "temporarily_unavailable" });
  });
});

describe("classifyWebAuthFlowFailure", () => {
  it("treats a closed sign-in window as a cancellation", () => {
    expect(classifyWebAuthFlowFailure("The user did not approve access.")).toBeInstanceOf(
      SignInCancelledError,
    );
  });

  it("treats a silent flow that needs a page as a sign-in to do", () => {
    const error = classifyWebAuthFlowFailure("User interaction required.");
    expect(error).toBeInstanceOf(SignInRequiredError);
    expect(error).toMatchObject({ oauthError: "interaction_required" });
  });

  it("keeps other browser messages for the technician", () => {
    const error = classifyWebAuthFlowFailure("Authorization page could not be loaded.");
    expect(error).toBeInstanceOf(SignInFailedError);
    expect(error.message).toBe("Authorization page could not be loaded.");
  });
});
