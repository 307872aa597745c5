import { decodeJwt } from "jose";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { authorizeUrl, newPkce, redirectParams, signIn, TestBrowser } from "./testing/browser";
import { type IdentityTestCloud, startIdentityTestCloud } from "./testing/cloud";
import { PASSWORD, SPA_REDIRECT } from "./testing/world";

const ORIGIN = "https://app.tenantlens.test";
let t: IdentityTestCloud;

beforeAll(async () => {
  t = await startIdentityTestCloud();
});
afterAll(async () => {
  await t.cloud.close();
});

function spaAuthorize(tenant: string, extra: Record<string, string> = {}) {
  const pkce = newPkce();
  const url = authorizeUrl(tenant, {
    client_id: t.world.spaApp.appId,
    response_type: "code",
    redirect_uri: SPA_REDIRECT,
    scope: "https://graph.microsoft.com/User.Read.All openid profile offline_access",
    state: "state-123",
    nonce: "nonce-456",
    code_challenge: pkce.challenge,
    code_challenge_method: "S256",
    client_info: "1",
    ...extra,
  });
  return { pkce, url };
}

describe("authorization code flow with PKCE (SPA)", () => {
  it("signs in through the pages and redeems the code for Graph, ID and refresh tokens", async () => {
    const browser = new TestBrowser(t.fetch);
    const { pkce, url } = spaAuthorize("organizations");
    const page = await browser.get(url);
    expect(page.status).toBe(200);
    const done = await signIn(browser, page, t.world.users.customerUser.upn, PASSWORD);
    expect(done.status).toBe(302);
    const location = done.headers.get("location") ?? "";
    expect(location.startsWith(`${SPA_REDIRECT}#`)).toBe(true);
    const params = redirectParams(location);
    expect(params.get("state")).toBe("state-123");
    const clientInfo = JSON.parse(
      Buffer.from(params.get("client_info") ?? "", "base64url").toString(),
    );
    expect(clientInfo).toEqual({ uid: t.world.users.customerUser.id, utid: t.world.consented.id });

    const { status, body, headers } = await t.token(
      "organizations",
      {
        client_id: t.world.spaApp.appId,
        grant_type: "authorization_code",
        code: params.get("code") ?? "",
        redirect_uri: SPA_REDIRECT,
        code_verifier: pkce.verifier,
        scope: "https://graph.microsoft.com/User.Read.All openid profile offline_access",
        client_info: "1",
      },
      ORIGIN,
    );
    expect(status).toBe(200);
    expect(headers.get("access-control-allow-origin")).toBe(ORIGIN);
    expect(body.token_type).toBe("Bearer");
    expect(body.expires_in).toBe(3599);
    expect(typeof body.refresh_token).toBe("string");
    const access = decodeJwt(String(body.access_token));
    expect(access.aud).toBe("https://graph.microsoft.com");
    expect(access.tid).toBe(t.world.consented.id);
    expect(access.oid).toBe(t.world.users.customerUser.id);
    expect(String(access.scp).split(" ")).toEqual([
      "User.Read",
      "User.Read.All",
      "AuditLog.Read.All",
    ]);
    const id = decodeJwt(String(body.id_token));
    expect(id.nonce).toBe("nonce-456");
    expect(id.aud).toBe(t.world.spaApp.appId);
    expect(id.iss).toBe(`https://login.microsoftonline.com/${t.world.consented.id}/v2.0`);
    expect(String(body.scope).split(" ")).toContain("https://graph.microsoft.com/User.Read.All");
  });
});
