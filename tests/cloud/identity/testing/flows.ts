import { authorizeUrl, newPkce, redirectParams, signIn, TestBrowser } from "./browser";
import type { IdentityTestCloud } from "./cloud";
import { PASSWORD, SPA_REDIRECT, WEB_REDIRECT } from "./world";

/** The origin of the test SPA, sent on its cross-origin token requests. */
export const SPA_ORIGIN = "https://app.tenantlens.test";
export const SPA_SCOPE = "https://graph.microsoft.com/User.Read.All openid profile offline_access";

export interface CodeResult {
  code: string;
  verifier: string;
  params: URLSearchParams;
}

/** Interactive SPA sign-in (PKCE) up to the redirect carrying the code. */
export async function spaCode(
  t: IdentityTestCloud,
  browser: TestBrowser,
  username: string,
  tenant = "organizations",
  extra: Record<string, string> = {},
): Promise<CodeResult> {
  const pkce = newPkce();
  const page = await browser.get(
    authorizeUrl(tenant, {
      client_id: t.world.spaApp.appId,
      response_type: "code",
      redirect_uri: SPA_REDIRECT,
      scope: SPA_SCOPE,
      state: "s",
      code_challenge: pkce.challenge,
      code_challenge_method: "S256",
      ...extra,
    }),
  );
  const done = await signIn(browser, page, username, PASSWORD);
  if (done.status !== 302)
    throw new Error(`Expected a redirect, got ${done.status}: ${await done.text()}`);
  const params = redirectParams(done.headers.get("location"));
  const code = params.get("code");
  if (!code) throw new Error(`No code in ${done.headers.get("location")}`);
  return { code, verifier: pkce.verifier, params };
}

export async function spaTokens(t: IdentityTestCloud, username: string, tenant = "organizations") {
  const browser = new TestBrowser(t.fetch);
  const { code, verifier } = await spaCode(t, browser, username, tenant);
  const response = await t.token(
    tenant,
    {
      client_id: t.world.spaApp.appId,
      grant_type: "authorization_code",
      code,
      redirect_uri: SPA_REDIRECT,
      code_verifier: verifier,
      scope: SPA_SCOPE,
    },
    SPA_ORIGIN,
  );
  if (response.status !== 200) throw new Error(`token: ${JSON.stringify(response.body)}`);
  return { browser, body: response.body, refreshToken: String(response.body.refresh_token) };
}

/** Interactive sign-in for the confidential web app (query response, secret at the token endpoint). */
export async function webTokens(t: IdentityTestCloud, username: string) {
  const browser = new TestBrowser(t.fetch);
  const page = await browser.get(
    authorizeUrl("organizations", {
      client_id: t.world.webApp.appId,
      response_type: "code",
      redirect_uri: WEB_REDIRECT,
      scope: SPA_SCOPE,
      response_mode: "query",
    }),
  );
  const done = await signIn(browser, page, username, PASSWORD);
  const params = redirectParams(done.headers.get("location"));
  const response = await t.token("organizations", {
    client_id: t.world.webApp.appId,
    client_secret: t.world.webSecret,
    grant_type: "authorization_code",
    code: params.get("code") ?? "",
    redirect_uri: WEB_REDIRECT,
    scope: SPA_SCOPE,
  });
  if (response.status !== 200) throw new Error(`token: ${JSON.stringify(response.body)}`);
  return { body: response.body, refreshToken: String(response.body.refresh_token) };
}

export function aadstsCode(body: Record<string, unknown>): number | undefined {
  const codes = body.error_codes;
  return Array.isArray(codes) && typeof codes[0] === "number" ? codes[0] : undefined;
}
