import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { EXTENSION_REDIRECT_URI } from "../extension-identity";
import { REQUESTED_SCOPES } from "../permissions";
import { buildAdminConsentUrl, InvalidConsentRequestError, parseAdminConsentRedirect } from ".";

interface RedirectSample {
  request?: string;
  redirect_uri: string;
  raw: string;
  params: Record<string, string>;
}

function identitySample(name: string): RedirectSample {
  const url = new URL(`../../../../shared/graph/identity/${name}`, import.meta.url);
  return JSON.parse(readFileSync(url, "utf8")) as RedirectSample;
}

const success = identitySample("adminconsent-v2-redirect-success.json");
const failure = identitySample("adminconsent-v2-redirect-error.json");

const CLIENT_ID = "00001111-aaaa-2222-bbbb-3333cccc4444";
const TENANT = "aaaabbbb-0000-cccc-1111-dddd2222eeee";

describe("buildAdminConsentUrl", () => {
  it("builds the documented v2.0 admin consent request, scopes as Graph URIs joined by spaces", () => {
    const url = buildAdminConsentUrl({
      tenant: TENANT,
      clientId: CLIENT_ID,
      scopes: ["Calendars.Read", "https://graph.microsoft.com/Mail.Send"],
      redirectUri: success.redirect_uri,
      state: "12345",
    });
    const expected = new URL((success.request ?? "").replace("{tenant}", TENANT));
    const actual = new URL(url);
    expect(actual.origin + actual.pathname).toBe(expected.origin + expected.pathname);
    expect(Object.fromEntries(actual.searchParams)).toEqual(
      Object.fromEntries(expected.searchParams),
    );
  });

  it("encodes the scope separator as %20 and the redirect URI as one parameter", () => {
    const url = buildAdminConsentUrl({
      tenant: "contoso.onmicrosoft.com",
      clientId: CLIENT_ID,
      scopes: ["User.Read.All", "AuditLog.Read.All"],
      redirectUri: EXTENSION_REDIRECT_URI,
      state: "a b&c",
    });
    expect(url).toContain(
      "scope=https%3A%2F%2Fgraph.microsoft.com%2FUser.Read.All%20https%3A%2F%2Fgraph.microsoft.com%2FAuditLog.Read.All",
    );
    expect(new URL(url).searchParams.get("redirect_uri")).toBe(EXTENSION_REDIRECT_URI);
    expect(new URL(url).searchParams.get("state")).toBe("a b&c");
    expect(url.startsWith("https://login.microsoftonline.com/contoso.onmicrosoft.com/v2.0/")).toBe(
      true,
    );
  });

  it("can request every scope the app needs in one consent", () => {
    const url = buildAdminConsentUrl({
      tenant: TENANT,
      clientId: CLIENT_ID,
      scopes: REQUESTED_SCOPES,
      redirectUri: EXTENSION_REDIRECT_URI,
      state: "s",
    });
    const scopes = new URL(url).searchParams.get("scope")?.split(" ") ?? [];
    expect(scopes).toHaveLength(REQUESTED_SCOPES.length);
    expect(scopes.every((scope) => scope.startsWith("https://graph.microsoft.com/"))).toBe(true);
  });

  it.each([
    [{ tenant: "common" }, "tenant"],
    [{ tenant: "not a tenant" }, "tenant"],
    [{ clientId: "tenantlens" }, "clientId"],
    [{ scopes: [] }, "scopes"],
    [{ scopes: ["User.Read.All", "rm -rf"] }, "scopes"],
    [{ redirectUri: "http://evil.example/" }, "redirectUri"],
    [{ redirectUri: "not a url" }, "redirectUri"],
    [{ state: "" }, "state"],
  ] as const)("rejects %o with a named error on the %s field", (override, field) => {
    const build = () =>
      buildAdminConsentUrl({
        tenant: TENANT,
        clientId: CLIENT_ID,
        scopes: ["User.Read.All"],
        redirectUri: EXTENSION_REDIRECT_URI,
        state: "s",
        ...override,
      });
    expect(build).toThrow(InvalidConsentRequestError);
    try {
      build();
    } catch (error) {
      expect((error as InvalidConsentRequestError).field).toBe(field);
    }
  });
});

describe("parseAdminConsentRedirect", () => {
  it("reads Microsoft's documented success redirect: tenant and granted scopes", () => {
    expect(parseAdminConsentRedirect(success.raw, "12345")).toEqual({
      outcome: "granted",
      tenantId: TENANT,
      scopes: ["Calendars.Read", "Mail.Send"],
      state: "12345",
    });
  });

  it("reads Microsoft's documented error redirect (AADSTS65004) as a decline, despite admin_consent=True", () => {
    const result = parseAdminConsentRedirect(failure.raw, "12345");
    expect(result).toEqual({
      outcome: "declined",
      error: "consent_required",
      errorCode: "AADSTS65004",
      description: "The resource owner or authorization server denied the request.",
      traceId: "0000aaaa-11bb-cccc-dd22-eeeeee333333",
      correlationId: "8478d534-5b2c-4325-8c2c-51395c342c89",
    });
    expect(result).not.toHaveProperty("tenantId");
  });

  it("reads a cancelled consent (error=access_denied, no tenant) as a decline", () => {
    const url = `${EXTENSION_REDIRECT_URI}?error=access_denied&error_description=AADSTS65004%3a+User+declined+to+consent+to+access+the+app.&state=s1`;
    expect(parseAdminConsentRedirect(url, "s1")).toMatchObject({
      outcome: "declined",
      errorCode: "AADSTS65004",
      description: "User declined to consent to access the app.",
    });
  });

  it("recognises a user from another directory (AADSTS50020)", () => {
    const description = encodeURIComponent(
      "AADSTS50020: User account 'tech@partner.example' from identity provider 'https://sts.windows.net/x/' does not exist in tenant 'Contoso' and cannot access the application.",
    );
    const url = `${EXTENSION_REDIRECT_URI}?error=invalid_request&error_description=${description}&state=s2`;
    expect(parseAdminConsentRedirect(url, "s2")).toMatchObject({
      outcome: "wrongTenantUser",
      errorCode: "AADSTS50020",
    });
  });

  it("refuses a redirect whose state is not the one we sent, before reading anything else", () => {
    expect(parseAdminConsentRedirect(success.raw, "other-state")).toEqual({
      outcome: "stateMismatch",
      expectedState: "other-state",
      receivedState: "12345",
    });
    const noState = `${EXTENSION_REDIRECT_URI}?admin_consent=True&tenant=${TENANT}`;
    expect(parseAdminConsentRedirect(noState, "s")).toMatchObject({
      outcome: "stateMismatch",
      receivedState: null,
    });
  });

  it("keeps any other error with its AADSTS code", () => {
    const url = `${EXTENSION_REDIRECT_URI}?error=invalid_client&error_description=AADSTS700016%3a+Application+not+found.&state=s`;
    expect(parseAdminConsentRedirect(url, "s")).toMatchObject({
      outcome: "error",
      error: "invalid_client",
      errorCode: "AADSTS700016",
      description: "Application not found.",
    });
  });

  it("reports malformed input instead of throwing", () => {
    expect(parseAdminConsentRedirect("::::", "s").outcome).toBe("malformed");
    expect(parseAdminConsentRedirect(`${EXTENSION_REDIRECT_URI}?code=abc`, "s").outcome).toBe(
      "malformed",
    );
    expect(
      parseAdminConsentRedirect(`${EXTENSION_REDIRECT_URI}?admin_consent=True&state=s`, "s"),
    ).toMatchObject({ outcome: "malformed" });
  });
});
