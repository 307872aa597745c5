import { readdirSync, readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { errors, type IdentityError } from "./errors";
import {
  authorizeUrl,
  flowTokenOf,
  newPkce,
  redirectParams,
  signIn,
  TestBrowser,
} from "./testing/browser";
import { type IdentityTestCloud, startIdentityTestCloud } from "./testing/cloud";
import { SPA_ORIGIN, SPA_SCOPE, spaCode, spaTokens } from "./testing/flows";
import { PASSWORD, SPA_REDIRECT, WEB_REDIRECT } from "./testing/world";

/**
 * Issue acceptance 4, identity half: for every Microsoft sample in `../shared/graph/identity/`,
 * the emulator answers the same request with the same property names and JSON types (values
 * aside). The emulator may add properties only where Microsoft documents them elsewhere (listed
 * per sample below); a missing or differently typed property fails.
 */
const SAMPLES_DIR = new URL("../../../../shared/graph/identity/", import.meta.url);
const sample = (name: string) =>
  JSON.parse(readFileSync(new URL(name, SAMPLES_DIR), "utf8")) as Record<string, unknown>;

/** Documented members the samples leave out. */
const ERROR_EXTRAS = ["error_uri", "suberror"]; // reference-error-codes: error_uri; MSAL reads suberror
const TOKEN_EXTRAS = ["ext_expires_in", "refresh_token_expires_in", "client_info"]; // v2-oauth2-auth-code-flow, MSAL
const REDIRECT_EXTRAS = ["session_state", "client_info"]; // v2-oauth2-auth-code-flow "session_state"
const REDIRECT_ERROR_EXTRAS = ["error_uri", "error_subcode"];

function jsonType(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "array";
  return typeof value;
}

function expectSameShape(
  expected: Record<string, unknown>,
  actual: Record<string, unknown>,
  allowedExtras: readonly string[],
): void {
  const shape = (o: Record<string, unknown>, keys: string[]) =>
    Object.fromEntries(keys.map((k) => [k, jsonType(o[k])]));
  const expectedKeys = Object.keys(expected).filter((k) => !k.startsWith("_"));
  expect(shape(actual, expectedKeys)).toEqual(shape(expected, expectedKeys));
  const extras = Object.keys(actual).filter((k) => !expectedKeys.includes(k));
  expect(extras.filter((k) => !allowedExtras.includes(k))).toEqual([]);
}

function paramsObject(params: URLSearchParams): Record<string, unknown> {
  return Object.fromEntries(params);
}

/** Hidden inputs of a `response_mode=form_post` page. */
function formPostFields(html: string): Record<string, unknown> {
  const fields: Record<string, unknown> = {};
  for (const match of html.matchAll(/<input type="hidden" name="([^"]+)" value="([^"]*)">/g)) {
    if (match[1]) fields[match[1]] = match[2] ?? "";
  }
  return fields;
}

let t: IdentityTestCloud;

beforeAll(async () => {
  t = await startIdentityTestCloud();
});
afterAll(async () => {
  await t.cloud.close();
});

describe("identity samples conformance", () => {
  it("covers every sample in shared/graph/identity", () => {
    const covered = [
      "adminconsent-v2-redirect-error.json",
      "adminconsent-v2-redirect-success.json",
      "authorize-redirect-error.json",
      "authorize-redirect-hybrid-success.json",
      "authorize-redirect-success.json",
      "oauth-error-codes.json",
      "oidc-signin-formpost-error.json",
      "oidc-signin-formpost-success.json",
      "openid-configuration.json",
      "token-authcode-error-invalid-scope.json",
      "token-authcode-success.json",
      "token-clientcreds-success.json",
      "token-refresh-error.json",
      "token-refresh-success.json",
    ];
    const files = readdirSync(SAMPLES_DIR).filter((f) => f.endsWith(".json"));
    expect(files.sort()).toEqual(covered);
  });

  it("token-authcode-success: code redemption", async () => {
    const { body } = await spaTokens(t, t.world.users.customerUser.upn);
    expectSameShape(sample("token-authcode-success.json"), body, TOKEN_EXTRAS);
  });

  it("token-authcode-error-invalid-scope: redemption with a scope of an unknown resource", async () => {
    const { code, verifier } = await spaCode(
      t,
      new TestBrowser(t.fetch),
      t.world.users.customerUser.upn,
    );
    const { status, body } = await t.token(
      "organizations",
      {
        client_id: t.world.spaApp.appId,
        grant_type: "authorization_code",
        code,
        redirect_uri: SPA_REDIRECT,
        code_verifier: verifier,
        scope: "https://foo.microsoft.com/mail.read",
      },
      SPA_ORIGIN,
    );
    expect(status).toBe(400);
    const expected = sample("token-authcode-error-invalid-scope.json");
    expectSameShape(expected, body, ERROR_EXTRAS);
    expect(body.error).toBe(expected.error);
    expect(body.error_codes).toEqual(expected.error_codes);
  });

  it("token-refresh-success: refresh token redemption", async () => {
    const { refreshToken } = await spaTokens(t, t.world.users.customerUser.upn);
    const { body } = await t.token(
      "organizations",
      {
        client_id: t.world.spaApp.appId,
        grant_type: "refresh_token",
        refresh_token: refreshToken,
        scope: SPA_SCOPE,
      },
      SPA_ORIGIN,
    );
    expectSameShape(sample("token-refresh-success.json"), body, TOKEN_EXTRAS);
  });

  it("token-refresh-error: refresh with a scope of an unknown resource", async () => {
    const { refreshToken } = await spaTokens(t, t.world.users.customerUser.upn);
    const { body } = await t.token(
      "organizations",
      {
        client_id: t.world.spaApp.appId,
        grant_type: "refresh_token",
        refresh_token: refreshToken,
        scope: "https://foo.microsoft.com/mail.read",
      },
      SPA_ORIGIN,
    );
    const expected = sample("token-refresh-error.json");
    expectSameShape(expected, body, ERROR_EXTRAS);
    expect(body.error_codes).toEqual(expected.error_codes);
  });

  it("token-clientcreds-success: client credentials", async () => {
    const { body } = await t.token(t.world.consented.id, {
      client_id: t.world.webApp.appId,
      client_secret: t.world.webSecret,
      grant_type: "client_credentials",
      scope: "https://graph.microsoft.com/.default",
    });
    expectSameShape(sample("token-clientcreds-success.json"), body, ["ext_expires_in"]);
  });

  it("authorize-redirect-success: code in the query", async () => {
    const browser = new TestBrowser(t.fetch);
    const page = await browser.get(
      authorizeUrl("organizations", {
        client_id: t.world.webApp.appId,
        response_type: "code",
        response_mode: "query",
        redirect_uri: WEB_REDIRECT,
        scope: SPA_SCOPE,
        state: "12345",
      }),
    );
    const done = await signIn(browser, page, t.world.users.customerUser.upn, PASSWORD);
    const location = done.headers.get("location") ?? "";
    expect(location.startsWith(`${WEB_REDIRECT}?`)).toBe(true);
    const wrapper = sample("authorize-redirect-success.json");
    expectSameShape(
      wrapper.params as Record<string, unknown>,
      paramsObject(redirectParams(location)),
      REDIRECT_EXTRAS,
    );
  });

  it("authorize-redirect-hybrid-success: code and id_token in the fragment", async () => {
    const pkce = newPkce();
    const browser = new TestBrowser(t.fetch);
    const page = await browser.get(
      authorizeUrl("organizations", {
        client_id: t.world.spaApp.appId,
        response_type: "code id_token",
        response_mode: "fragment",
        redirect_uri: SPA_REDIRECT,
        scope: SPA_SCOPE,
        state: "12345",
        nonce: "abcde",
        code_challenge: pkce.challenge,
        code_challenge_method: "S256",
      }),
    );
    const done = await signIn(browser, page, t.world.users.customerUser.upn, PASSWORD);
    const location = done.headers.get("location") ?? "";
    expect(location).toContain("#");
    const wrapper = sample("authorize-redirect-hybrid-success.json");
    expectSameShape(
      wrapper.params as Record<string, unknown>,
      paramsObject(redirectParams(location)),
      REDIRECT_EXTRAS,
    );
  });

  async function declinedConsent(
    responseMode: "query" | "form_post",
    responseType: string,
    redirectUri: string,
    clientId: string,
  ) {
    const browser = new TestBrowser(t.fetch);
    const page = await browser.get(
      authorizeUrl(t.world.standalone.id, {
        client_id: clientId,
        response_type: responseType,
        response_mode: responseMode,
        redirect_uri: redirectUri,
        scope: SPA_SCOPE,
        nonce: "678910",
      }),
    );
    const consent = await signIn(browser, page, t.world.users.standaloneAdmin.upn, PASSWORD);
    return browser.post("/common/consent", {
      flowToken: flowTokenOf(await consent.text()),
      consentAction: "decline",
    });
  }

  it("authorize-redirect-error: the user cancels (access_denied)", async () => {
    const declined = await declinedConsent("query", "code", WEB_REDIRECT, t.world.webApp.appId);
    const params = paramsObject(redirectParams(declined.headers.get("location")));
    const wrapper = sample("authorize-redirect-error.json");
    expectSameShape(wrapper.params as Record<string, unknown>, params, REDIRECT_ERROR_EXTRAS);
    expect(params.error).toBe("access_denied");
  });

  it("oidc-signin-formpost-success: id_token posted to the redirect URI", async () => {
    const browser = new TestBrowser(t.fetch);
    const page = await browser.get(
      authorizeUrl("organizations", {
        client_id: t.world.webApp.appId,
        response_type: "id_token",
        response_mode: "form_post",
        redirect_uri: WEB_REDIRECT,
        scope: "openid",
        state: "12345",
        nonce: "678910",
      }),
    );
    const done = await signIn(browser, page, t.world.users.customerUser.upn, PASSWORD);
    const html = await done.text();
    expect(html).toContain(`action="${WEB_REDIRECT}"`);
    const wrapper = sample("oidc-signin-formpost-success.json");
    expectSameShape(wrapper.form as Record<string, unknown>, formPostFields(html), [
      "session_state",
    ]);
  });

  it("oidc-signin-formpost-error: the user cancels, posted to the redirect URI", async () => {
    const declined = await declinedConsent(
      "form_post",
      "id_token",
      WEB_REDIRECT,
      t.world.webApp.appId,
    );
    const wrapper = sample("oidc-signin-formpost-error.json");
    const fields = formPostFields(await declined.text());
    expectSameShape(wrapper.form as Record<string, unknown>, fields, REDIRECT_ERROR_EXTRAS);
    expect(fields.error).toBe("access_denied");
  });

  async function adminConsentAnswer(action: "accept" | "decline") {
    const browser = new TestBrowser(t.fetch);
    const query = new URLSearchParams({
      client_id: t.world.spaApp.appId,
      scope: "https://graph.microsoft.com/Calendars.Read https://graph.microsoft.com/Mail.Send",
      redirect_uri: SPA_REDIRECT,
      state: "12345",
    });
    const page = await browser.get(
      `https://login.microsoftonline.com/${t.world.standalone.id}/v2.0/adminconsent?${query}`,
    );
    const consent = await signIn(browser, page, t.world.users.standaloneAdmin.upn, PASSWORD);
    const answer = await browser.post("/common/consent", {
      flowToken: flowTokenOf(await consent.text()),
      consentAction: action,
    });
    return paramsObject(redirectParams(answer.headers.get("location")));
  }

  it("adminconsent-v2-redirect-error: the admin declines", async () => {
    const params = await adminConsentAnswer("decline");
    const wrapper = sample("adminconsent-v2-redirect-error.json");
    expectSameShape(wrapper.params as Record<string, unknown>, params, REDIRECT_ERROR_EXTRAS);
    expect(params.admin_consent).toBe("True");
    expect(params.tenant).toBeUndefined();
  });

  it("adminconsent-v2-redirect-success: the admin accepts", async () => {
    const params = await adminConsentAnswer("accept");
    const wrapper = sample("adminconsent-v2-redirect-success.json");
    expectSameShape(wrapper.params as Record<string, unknown>, params, []);
    expect(params.admin_consent).toBe("True");
    expect(params.scope).toBe((wrapper.params as Record<string, unknown>).scope);
  });

  it("openid-configuration: the common v2.0 document", async () => {
    const response = await t.fetch(
      "https://login.microsoftonline.com/common/v2.0/.well-known/openid-configuration",
    );
    const body = (await response.json()) as Record<string, unknown>;
    const expected = sample("openid-configuration.json");
    const published = Object.keys(expected);
    expectSameShape(
      expected,
      body,
      Object.keys(body).filter((k) => !published.includes(k)),
    );
    expect(body.subject_types_supported).toEqual(expected.subject_types_supported);
    expect(body.userinfo_endpoint).toBe(expected.userinfo_endpoint);
  });

  it("oauth-error-codes: every error the emulator sends is one the tables document", () => {
    const tables = sample("oauth-error-codes.json") as {
      authorizeEndpointErrors: { error: string }[];
      tokenEndpointErrors: { error: string }[];
      tokenErrorShape: string[];
    };
    const documented = new Set(
      [...tables.authorizeEndpointErrors, ...tables.tokenEndpointErrors].map((e) => e.error),
    );
    for (const [name, make] of Object.entries(errors)) {
      // Every constructor accepts placeholder values: the message text is not under test here.
      const error = (make as unknown as (...args: unknown[]) => IdentityError)(0, 0, 0, 0, 0);
      expect({ name, error: documented.has(error.error) }).toEqual({ name, error: true });
    }
  });
});
