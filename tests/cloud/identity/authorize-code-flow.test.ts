import { decodeJwt } from "jose";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { grantedGraphScopes } from "./consent";
import {
  authorizeUrl,
  flowTokenOf,
  newPkce,
  redirectParams,
  signIn,
  TestBrowser,
} from "./testing/browser";
import { type IdentityTestCloud, startIdentityTestCloud } from "./testing/cloud";
import { aadstsCode, SPA_ORIGIN, SPA_SCOPE, spaCode } from "./testing/flows";
import { PASSWORD, SPA_REDIRECT } from "./testing/world";

let t: IdentityTestCloud;

beforeAll(async () => {
  t = await startIdentityTestCloud();
});
afterAll(async () => {
  await t.cloud.close();
});

function spaParams(extra: Record<string, string> = {}) {
  const pkce = newPkce();
  return {
    pkce,
    params: {
      client_id: t.world.spaApp.appId,
      response_type: "code",
      redirect_uri: SPA_REDIRECT,
      scope: SPA_SCOPE,
      state: "state-123",
      nonce: "nonce-456",
      code_challenge: pkce.challenge,
      code_challenge_method: "S256",
      client_info: "1",
      ...extra,
    },
  };
}

function redeem(code: string, verifier: string, tenant = "organizations") {
  return t.token(
    tenant,
    {
      client_id: t.world.spaApp.appId,
      grant_type: "authorization_code",
      code,
      redirect_uri: SPA_REDIRECT,
      code_verifier: verifier,
      scope: SPA_SCOPE,
      client_info: "1",
    },
    SPA_ORIGIN,
  );
}

describe("authorization code flow with PKCE (SPA)", () => {
  it("signs in through the pages and redeems the code for Graph, ID and refresh tokens", async () => {
    const browser = new TestBrowser(t.fetch);
    const { pkce, params } = spaParams();
    const page = await browser.get(authorizeUrl("organizations", params));
    expect(page.status).toBe(200);
    const done = await signIn(browser, page, t.world.users.customerUser.upn, PASSWORD);
    expect(done.status).toBe(302);
    const location = done.headers.get("location") ?? "";
    expect(location.startsWith(`${SPA_REDIRECT}#`)).toBe(true);
    const answer = redirectParams(location);
    expect(answer.get("state")).toBe("state-123");
    const clientInfo = JSON.parse(
      Buffer.from(answer.get("client_info") ?? "", "base64url").toString(),
    );
    expect(clientInfo).toEqual({ uid: t.world.users.customerUser.id, utid: t.world.consented.id });

    const { status, body, headers } = await redeem(answer.get("code") ?? "", pkce.verifier);
    expect(status).toBe(200);
    expect(headers.get("access-control-allow-origin")).toBe(SPA_ORIGIN);
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

  it("rejects a code_verifier that does not match the S256 challenge (AADSTS501481)", async () => {
    const { code } = await spaCode(t, new TestBrowser(t.fetch), t.world.users.customerUser.upn);
    const { status, body } = await redeem(code, newPkce().verifier);
    expect(status).toBe(400);
    expect(body.error).toBe("invalid_grant");
    expect(aadstsCode(body)).toBe(501481);
  });

  it("redeems a code only once (AADSTS54005)", async () => {
    const { code, verifier } = await spaCode(
      t,
      new TestBrowser(t.fetch),
      t.world.users.customerUser.upn,
    );
    expect((await redeem(code, verifier)).status).toBe(200);
    const second = await redeem(code, verifier);
    expect(second.status).toBe(400);
    expect(aadstsCode(second.body)).toBe(54005);
  });

  it("expires codes after ten minutes on the emulator clock (AADSTS70008)", async () => {
    const { code, verifier } = await spaCode(
      t,
      new TestBrowser(t.fetch),
      t.world.users.customerUser.upn,
    );
    await t.advanceClock(11 * 60 * 1000);
    const { body } = await redeem(code, verifier);
    expect(body.error).toBe("invalid_grant");
    expect(aadstsCode(body)).toBe(70008);
  });

  it("sends SPA authorization requests without a code_challenge back with AADSTS9002325", async () => {
    const { params } = spaParams();
    const { code_challenge: _c, code_challenge_method: _m, ...withoutPkce } = params;
    const response = await new TestBrowser(t.fetch).get(authorizeUrl("organizations", withoutPkce));
    expect(response.status).toBe(302);
    const answer = redirectParams(response.headers.get("location"));
    expect(answer.get("error")).toBe("invalid_request");
    expect(answer.get("error_description")).toMatch(/^AADSTS9002325:/);
    expect(answer.get("state")).toBe("state-123");
  });

  it("answers in the query when the client asks for response_mode=query", async () => {
    const { code, params } = await spaCode(
      t,
      new TestBrowser(t.fetch),
      t.world.users.customerUser.upn,
      "organizations",
      {
        response_mode: "query",
      },
    );
    expect(code).not.toBe("");
    expect(params.get("state")).toBe("s");
  });

  it("shows AADSTS50011 on the page, without redirecting, for an unregistered redirect URI", async () => {
    const { params } = spaParams({ redirect_uri: "https://evil.example/" });
    const response = await new TestBrowser(t.fetch).get(authorizeUrl("organizations", params));
    expect(response.status).toBe(400);
    expect(response.headers.get("location")).toBeNull();
    expect(await response.text()).toContain("AADSTS50011");
  });

  it("shows AADSTS700016 on the page for an unknown client id", async () => {
    const { params } = spaParams({ client_id: "11111111-2222-3333-4444-555555555555" });
    const response = await new TestBrowser(t.fetch).get(authorizeUrl(t.world.consented.id, params));
    expect(response.status).toBe(400);
    const html = await response.text();
    expect(html).toContain("AADSTS700016");
    expect(html).toContain("consentedcustomer.onmicrosoft.com");
  });

  it("accepts a verified domain as the tenant and issues tokens for that tenant", async () => {
    const browser = new TestBrowser(t.fetch);
    const { code, verifier } = await spaCode(
      t,
      browser,
      t.world.users.customerUser.upn,
      "consentedcustomer.test",
    );
    const { body } = await redeem(code, verifier, "consentedcustomer.test");
    expect(decodeJwt(String(body.access_token)).tid).toBe(t.world.consented.id);
  });

  it("refuses a user from another tenant with AADSTS50020 on the page", async () => {
    const browser = new TestBrowser(t.fetch);
    const { params } = spaParams();
    const page = await browser.get(authorizeUrl(t.world.standalone.id, params));
    const done = await signIn(browser, page, t.world.users.customerUser.upn, PASSWORD);
    expect(done.status).toBe(400);
    expect(await done.text()).toContain("AADSTS50020");
  });

  it("lets a partner's delegated admin sign in to a consented customer tenant", async () => {
    const browser = new TestBrowser(t.fetch);
    const { code, verifier } = await spaCode(
      t,
      browser,
      t.world.users.partnerTechnician.upn,
      t.world.consented.id,
    );
    const { status, body } = await redeem(code, verifier, t.world.consented.id);
    expect(status).toBe(200);
    const access = decodeJwt(String(body.access_token));
    expect(access.tid).toBe(t.world.consented.id);
    expect(access.idp).toBe(`https://sts.windows.net/${t.world.partner.id}/`);
  });

  it("tells a non-admin that admin-only permissions need admin approval (AADSTS90094)", async () => {
    const browser = new TestBrowser(t.fetch);
    const { params } = spaParams();
    const page = await browser.get(authorizeUrl("organizations", params));
    const done = await signIn(browser, page, t.world.users.standaloneUser.upn, PASSWORD);
    const html = await done.text();
    expect(html).toContain("Need admin approval");
    expect(html).toContain("AADSTS90094");
    const back = await browser.post("/common/consent", {
      flowToken: flowTokenOf(html),
      consentAction: "decline",
    });
    const answer = redirectParams(back.headers.get("location"));
    expect(answer.get("error")).toBe("access_denied");
    expect(answer.get("error_description")).toMatch(/^AADSTS65004:/);
  });

  it("offers an admin consent on behalf of the organization, then issues the code", async () => {
    const browser = new TestBrowser(t.fetch);
    const { pkce, params } = spaParams();
    const page = await browser.get(authorizeUrl(t.world.standalone.id, params));
    const consent = await signIn(browser, page, t.world.users.standaloneAdmin.upn, PASSWORD);
    const html = await consent.text();
    expect(html).toContain("Permissions requested");
    expect(html).toContain("Consent on behalf of your organization");
    expect(html).toContain("https://graph.microsoft.com/User.Read.All");
    const accepted = await browser.post("/common/consent", {
      flowToken: flowTokenOf(html),
      consentAction: "accept",
      consentOnBehalf: "true",
    });
    expect(accepted.status).toBe(302);
    expect(grantedGraphScopes(t.world.standalone, t.world.spaApp.appId, null)).toEqual([
      "User.Read.All",
    ]);
    const answer = redirectParams(accepted.headers.get("location"));
    const { status } = await redeem(answer.get("code") ?? "", pkce.verifier, t.world.standalone.id);
    expect(status).toBe(200);
  });
});

describe("bad input to the sign-in pages", () => {
  it("answers form posts without a live flow with a 400 page, not a crash", async () => {
    const browser = new TestBrowser(t.fetch);
    for (const path of ["/common/login", "/kmsi", "/common/consent"]) {
      const response = await browser.post(path, {
        flowToken: "no-such-flow",
        step: "password",
        passwd: "x",
      });
      expect({ path, status: response.status }).toEqual({ path, status: 400 });
      expect(await response.text()).toContain("AADSTS");
    }
  });

  it("redirects an unsupported response_type with unsupported_response_type", async () => {
    const { params } = spaParams({ response_type: "token" });
    const response = await new TestBrowser(t.fetch).get(authorizeUrl("organizations", params));
    expect(redirectParams(response.headers.get("location")).get("error")).toBe(
      "unsupported_response_type",
    );
  });

  it("shows AADSTS90002 for a tenant that does not exist", async () => {
    const { params } = spaParams();
    const response = await new TestBrowser(t.fetch).get(
      authorizeUrl("nosuchtenant.onmicrosoft.com", params),
    );
    expect(response.status).toBe(400);
    expect(await response.text()).toContain("AADSTS90002");
  });
});

describe("sessions and prompt", () => {
  it("answers prompt=none without a session with login_required (AADSTS50058)", async () => {
    const { params } = spaParams({ prompt: "none" });
    const response = await new TestBrowser(t.fetch).get(authorizeUrl("organizations", params));
    const answer = redirectParams(response.headers.get("location"));
    expect(answer.get("error")).toBe("login_required");
    expect(answer.get("error_description")).toMatch(/^AADSTS50058:/);
    expect(answer.get("state")).toBe("state-123");
  });

  it("answers prompt=none with a session cookie silently, with a code", async () => {
    const browser = new TestBrowser(t.fetch);
    await spaCode(t, browser, t.world.users.customerUser.upn);
    expect(browser.cookies.has("ESTSAUTH")).toBe(true);
    const { params, pkce } = spaParams({
      prompt: "none",
      login_hint: t.world.users.customerUser.upn,
    });
    const response = await browser.get(authorizeUrl("organizations", params));
    expect(response.status).toBe(302);
    const answer = redirectParams(response.headers.get("location"));
    expect(answer.get("error")).toBeNull();
    expect((await redeem(answer.get("code") ?? "", pkce.verifier)).status).toBe(200);
  });

  it("answers prompt=none with consent_required (AADSTS65001) where the app has no consent", async () => {
    const browser = new TestBrowser(t.fetch);
    await spaCode(t, browser, t.world.users.partnerTechnician.upn);
    const { params } = spaParams({ prompt: "none" });
    const response = await browser.get(authorizeUrl(t.world.unconsented.id, params));
    const answer = redirectParams(response.headers.get("location"));
    expect(answer.get("error")).toBe("consent_required");
    expect(answer.get("error_description")).toMatch(/^AADSTS65001:/);
  });

  it("answers prompt=none with interaction_required (AADSTS16000) when the session's account cannot enter the tenant", async () => {
    const browser = new TestBrowser(t.fetch);
    await spaCode(t, browser, t.world.users.standaloneUser.upn, t.world.standalone.id).catch(
      () => undefined,
    );
    expect(browser.cookies.has("ESTSAUTH")).toBe(true);
    const { params } = spaParams({ prompt: "none" });
    const response = await browser.get(authorizeUrl(t.world.consented.id, params));
    const answer = redirectParams(response.headers.get("location"));
    expect(answer.get("error")).toBe("interaction_required");
    expect(answer.get("error_description")).toMatch(/^AADSTS16000:/);
  });

  it("sets the persistent cookie only when the user chooses to stay signed in", async () => {
    const stay = new TestBrowser(t.fetch);
    const { params } = spaParams();
    const page = await stay.get(authorizeUrl("organizations", params));
    await signIn(stay, page, t.world.users.customerUser.upn, PASSWORD, true);
    expect(stay.cookies.has("ESTSAUTHPERSISTENT")).toBe(true);

    const leave = new TestBrowser(t.fetch);
    const page2 = await leave.get(authorizeUrl("organizations", params));
    await signIn(leave, page2, t.world.users.customerUser.upn, PASSWORD, false);
    expect(leave.cookies.has("ESTSAUTH")).toBe(true);
    expect(leave.cookies.has("ESTSAUTHPERSISTENT")).toBe(false);
  });

  it("shows the account picker for prompt=select_account and signs in the picked account", async () => {
    const browser = new TestBrowser(t.fetch);
    await spaCode(t, browser, t.world.users.customerUser.upn);
    const { params } = spaParams({ prompt: "select_account" });
    const picker = await browser.get(authorizeUrl("organizations", params));
    const html = await picker.text();
    expect(html).toContain("Pick an account");
    expect(html).toContain(t.world.users.customerUser.upn);
    const account = html.match(/name="account" value="([^"]+)"/)?.[1] ?? "";
    const picked = await browser.post("/common/login", {
      flowToken: flowTokenOf(html),
      step: "pick",
      account,
    });
    expect(picked.status).toBe(302);
    expect(redirectParams(picked.headers.get("location")).get("code")).toBeTruthy();
  });

  it("asks for the password again with prompt=login even when a session exists", async () => {
    const browser = new TestBrowser(t.fetch);
    await spaCode(t, browser, t.world.users.customerUser.upn);
    const { params } = spaParams({ prompt: "login", login_hint: t.world.users.customerUser.upn });
    const page = await browser.get(authorizeUrl("organizations", params));
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain('id="i0118"');
  });

  it("shows the consent page again with prompt=consent, even when consent exists", async () => {
    const browser = new TestBrowser(t.fetch);
    const { params } = spaParams({ prompt: "consent" });
    const page = await browser.get(authorizeUrl("organizations", params));
    const consent = await signIn(browser, page, t.world.users.customerAdmin.upn, PASSWORD);
    const html = await consent.text();
    expect(html).toContain("Permissions requested");
    const accepted = await browser.post("/common/consent", {
      flowToken: flowTokenOf(html),
      consentAction: "accept",
    });
    expect(redirectParams(accepted.headers.get("location")).get("code")).toBeTruthy();
  });

  it("ends the session on logout, so prompt=none then needs a sign-in", async () => {
    const browser = new TestBrowser(t.fetch);
    await spaCode(t, browser, t.world.users.customerUser.upn);
    const logout = await browser.get(
      `https://login.microsoftonline.com/organizations/oauth2/v2.0/logout?post_logout_redirect_uri=${encodeURIComponent(SPA_REDIRECT)}`,
    );
    expect(logout.headers.get("location")).toBe(SPA_REDIRECT);
    expect(browser.cookies.has("ESTSAUTH")).toBe(false);
    const { params } = spaParams({ prompt: "none" });
    const response = await browser.get(authorizeUrl("organizations", params));
    expect(redirectParams(response.headers.get("location")).get("error")).toBe("login_required");
  });

  it("rejects a wrong password on the page with AADSTS50126", async () => {
    const browser = new TestBrowser(t.fetch);
    const { params } = spaParams();
    const page = await browser.get(authorizeUrl("organizations", params));
    const done = await signIn(browser, page, t.world.users.customerUser.upn, "wrong");
    expect(await done.text()).toContain("AADSTS50126");
  });

  it("stops honouring a session after the user's sessions are revoked", async () => {
    const browser = new TestBrowser(t.fetch);
    await spaCode(t, browser, t.world.users.customerAdmin.upn);
    const revoke = await t.fetch(`${t.cloud.url}/_emulator/refresh-tokens/revoke`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ userId: t.world.users.customerAdmin.id }),
    });
    expect(revoke.status).toBe(200);
    const { params } = spaParams({ prompt: "none" });
    const response = await browser.get(authorizeUrl("organizations", params));
    expect(redirectParams(response.headers.get("location")).get("error")).toBe("login_required");
  });
});
