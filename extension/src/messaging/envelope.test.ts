import { describe, expect, it } from "vitest";
import { SignInRequiredError } from "../auth/errors";
import {
  createCommandEnvelope,
  isCommandFor,
  isReplyEnvelope,
  RemoteCommandError,
  serializeError,
} from "./envelope";

describe("command envelope", () => {
  it("is recognised by the room it is addressed to", () => {
    const envelope = createCommandEnvelope("background", "auth.getAccount", {});
    expect(isCommandFor(envelope, "background")).toBe(true);
  });

  it("is ignored by other rooms, so the right receiver answers", () => {
    const envelope = createCommandEnvelope("offscreen", "msal.getAccount", { clientId: "x" });
    expect(isCommandFor(envelope, "background")).toBe(false);
  });

  it("ignores foreign messages", () => {
    expect(isCommandFor({ type: "auth.signIn" }, "background")).toBe(false);
    expect(isCommandFor(null, "background")).toBe(false);
  });

  it("accepts only well-formed replies", () => {
    expect(isReplyEnvelope({ ok: true, value: null })).toBe(true);
    expect(isReplyEnvelope({ ok: false, error: { name: "Error", message: "m" } })).toBe(true);
    expect(isReplyEnvelope({ ok: false })).toBe(false);
    expect(isReplyEnvelope(undefined)).toBe(false);
  });
});

describe("errors crossing contexts", () => {
  it("keep their class name, Microsoft code, OAuth error and next step", () => {
    const original = new SignInRequiredError("The refresh token has expired.", {
      code: "AADSTS700084",
      oauthError: "invalid_grant",
      nextStep: "Sign in again.",
    });
    const rethrown = new RemoteCommandError(serializeError(original), "auth.acquireToken");
    expect(rethrown).toBeInstanceOf(Error);
    expect(rethrown.name).toBe("SignInRequiredError");
    expect(rethrown.message).toBe("The refresh token has expired.");
    expect(rethrown.code).toBe("AADSTS700084");
    expect(rethrown.oauthError).toBe("invalid_grant");
    expect(rethrown.nextStep).toBe("Sign in again.");
    expect(rethrown.command).toBe("auth.acquireToken");
  });

  it("survive a second hop (offscreen → service worker → page) unchanged", () => {
    const first = new RemoteCommandError(
      { name: "ConsentRequiredError", message: "m", code: "AADSTS65001" },
      "msal.acquireTokenSilent",
    );
    expect(serializeError(first)).toEqual({
      name: "ConsentRequiredError",
      message: "m",
      code: "AADSTS65001",
    });
  });

  it("turn non-errors into a plain message", () => {
    expect(serializeError("boom")).toEqual({ name: "Error", message: "boom" });
  });
});
