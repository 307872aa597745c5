import { describe, expect, it } from "vitest";
import { requestSchemas } from "./messages";

const TENANT = "c0a1b2c3-d4e5-4f60-8172-93a4b5c6d7e8";
const CLIENT = "7c6b8a54-2f1e-4d39-9a0b-5e3c1d2f4a68";

describe("protocol map request schemas", () => {
  it("accepts a token request for a tenant GUID", () => {
    const parsed = requestSchemas.background["auth.acquireToken"].safeParse({
      tenantId: TENANT,
      forceRefresh: false,
    });
    expect(parsed.success).toBe(true);
  });

  it("rejects a tenant that is not a GUID", () => {
    const parsed = requestSchemas.background["auth.acquireToken"].safeParse({
      tenantId: "contoso.onmicrosoft.com",
      forceRefresh: false,
    });
    expect(parsed.success).toBe(false);
  });

  it("rejects unknown fields, so a caller cannot smuggle options past the schema", () => {
    const parsed = requestSchemas.background["auth.signIn"].safeParse({
      mode: "interactive",
      prompt: "consent",
    });
    expect(parsed.success).toBe(false);
  });

  it("rejects a sign-in mode other than interactive or silent", () => {
    expect(requestSchemas.background["auth.signIn"].safeParse({ mode: "popup" }).success).toBe(
      false,
    );
  });

  it("accepts only https response URLs for MSAL to redeem", () => {
    const schema = requestSchemas.offscreen["msal.completeRedirect"];
    expect(
      schema.safeParse({ clientId: CLIENT, responseUrl: "https://x.chromiumapp.org/#code=1" })
        .success,
    ).toBe(true);
    expect(schema.safeParse({ clientId: CLIENT, responseUrl: "javascript:alert(1)" }).success).toBe(
      false,
    );
  });

  it("takes a silent sign-in's known account only as a username and a home tenant GUID", () => {
    const schema = requestSchemas.offscreen["msal.beginRedirect"];
    const account = { username: "admin@partner.test", homeTenantId: TENANT };
    expect(
      schema.safeParse({ clientId: CLIENT, mode: "silent", knownAccount: account }).success,
    ).toBe(true);
    expect(schema.safeParse({ clientId: CLIENT, mode: "silent", knownAccount: null }).success).toBe(
      true,
    );
    const withSid = { ...account, sid: "session" };
    expect(
      schema.safeParse({ clientId: CLIENT, mode: "silent", knownAccount: withSid }).success,
    ).toBe(false);
    const noUsername = { username: "", homeTenantId: TENANT };
    expect(
      schema.safeParse({ clientId: CLIENT, mode: "silent", knownAccount: noUsername }).success,
    ).toBe(false);
  });
});
