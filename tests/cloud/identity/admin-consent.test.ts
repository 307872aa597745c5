import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { findServicePrincipalByAppId, grantedGraphScopes } from "./consent";
import { flowTokenOf, redirectParams, signIn, TestBrowser } from "./testing/browser";
import { type IdentityTestCloud, startIdentityTestCloud } from "./testing/cloud";
import { aadstsCode } from "./testing/flows";
import { PASSWORD, SPA_REDIRECT } from "./testing/world";

const SCOPE =
  "https://graph.microsoft.com/User.Read.All https://graph.microsoft.com/AuditLog.Read.All";

let t: IdentityTestCloud;

beforeAll(async () => {
  t = await startIdentityTestCloud();
});
afterAll(async () => {
  await t.cloud.close();
});

function adminConsentUrl(tenant: string, state = "12345"): string {
  const query = new URLSearchParams({
    client_id: t.world.spaApp.appId,
    scope: SCOPE,
    redirect_uri: SPA_REDIRECT,
    state,
  });
  return `https://login.microsoftonline.com/${tenant}/v2.0/adminconsent?${query}`;
}

/** Signs in on the admin consent URL and returns the consent page's HTML. */
async function reachConsentPage(
  browser: TestBrowser,
  tenant: string,
  username: string,
): Promise<string> {
  const page = await browser.get(adminConsentUrl(tenant));
  const consent = await signIn(browser, page, username, PASSWORD);
  return consent.text();
}

function ropc(tenant: string, username: string) {
  return t.token(tenant, {
    client_id: t.world.webApp.appId,
    client_secret: t.world.webSecret,
    grant_type: "password",
    username,
    password: PASSWORD,
    scope: "https://graph.microsoft.com/.default offline_access",
  });
}

describe("admin consent (/v2.0/adminconsent)", () => {
  it("asks the admin to consent for the organization, listing the permissions", async () => {
    const html = await reachConsentPage(
      new TestBrowser(t.fetch),
      t.world.standalone.id,
      t.world.users.standaloneAdmin.upn,
    );
    expect(html).toContain("Permissions requested");
    expect(html).toContain("Accept for your organization");
    expect(html).toContain("https://graph.microsoft.com/User.Read.All");
    expect(html).toContain("https://graph.microsoft.com/AuditLog.Read.All");
  });

  it("redirects a decline with access_denied, AADSTS65004, the state and no tenant", async () => {
    const browser = new TestBrowser(t.fetch);
    const html = await reachConsentPage(
      browser,
      t.world.unconsented.id,
      t.world.users.partnerAdmin.upn,
    );
    const declined = await browser.post("/common/consent", {
      flowToken: flowTokenOf(html),
      consentAction: "decline",
    });
    expect(declined.status).toBe(302);
    const location = declined.headers.get("location") ?? "";
    expect(location.startsWith(`${SPA_REDIRECT}?`)).toBe(true);
    const params = redirectParams(location);
    expect(params.get("error")).toBe("access_denied");
    expect(params.get("error_subcode")).toBe("cancel");
    expect(params.get("error_description")).toMatch(/^AADSTS65004:/);
    expect(params.get("state")).toBe("12345");
    expect(params.has("tenant")).toBe(false);
    expect(findServicePrincipalByAppId(t.world.unconsented, t.world.spaApp.appId)).toBeUndefined();
  });

  it("shows AADSTS50020 to a user from another tenant", async () => {
    const browser = new TestBrowser(t.fetch);
    const page = await browser.get(adminConsentUrl(t.world.standalone.id));
    const done = await signIn(browser, page, t.world.users.customerAdmin.upn, PASSWORD);
    expect(done.status).toBe(400);
    expect(await done.text()).toContain("AADSTS50020");
  });

  it("tells a non-admin that an admin must consent (AADSTS90094)", async () => {
    const browser = new TestBrowser(t.fetch);
    const html = await reachConsentPage(
      browser,
      t.world.standalone.id,
      t.world.users.standaloneUser.upn,
    );
    expect(html).toContain("AADSTS90094");
  });

  it("creates the service principal and an AllPrincipals grant, then redirects with admin_consent=True", async () => {
    const browser = new TestBrowser(t.fetch);
    const html = await reachConsentPage(
      browser,
      t.world.standalone.id,
      t.world.users.standaloneAdmin.upn,
    );
    const accepted = await browser.post("/common/consent", {
      flowToken: flowTokenOf(html),
      consentAction: "accept",
    });
    expect(accepted.status).toBe(302);
    const params = redirectParams(accepted.headers.get("location"));
    expect(params.get("admin_consent")).toBe("True");
    expect(params.get("tenant")).toBe(t.world.standalone.id);
    expect(params.get("scope")).toBe(SCOPE);
    expect(params.get("state")).toBe("12345");

    const sp = findServicePrincipalByAppId(t.world.standalone, t.world.spaApp.appId);
    expect(sp).toMatchObject({ appId: t.world.spaApp.appId, servicePrincipalType: "Application" });
    const grants = [...t.world.standalone.collections.oauth2PermissionGrants.values()].filter(
      (g) => g.clientId === sp?.id,
    );
    expect(grants).toHaveLength(1);
    expect(grants[0]).toMatchObject({
      consentType: "AllPrincipals",
      principalId: null,
      scope: "User.Read.All AuditLog.Read.All",
    });
    expect(grantedGraphScopes(t.world.standalone, t.world.spaApp.appId, null)).toEqual([
      "User.Read.All",
      "AuditLog.Read.All",
    ]);
  });

  it("lets a partner's delegated admin consent in a customer tenant", async () => {
    const browser = new TestBrowser(t.fetch);
    const html = await reachConsentPage(
      browser,
      t.world.unconsented.id,
      t.world.users.partnerAdmin.upn,
    );
    const accepted = await browser.post("/common/consent", {
      flowToken: flowTokenOf(html),
      consentAction: "accept",
    });
    expect(redirectParams(accepted.headers.get("location")).get("tenant")).toBe(
      t.world.unconsented.id,
    );
    expect(findServicePrincipalByAppId(t.world.unconsented, t.world.spaApp.appId)).toBeDefined();
  });
});

describe("consent seen through Microsoft Graph", () => {
  it("lists the grant, and after DELETE /servicePrincipals/{id} token requests fail with AADSTS65001", async () => {
    // The web app consents in the standalone tenant, then a member gets a token through it.
    const browser = new TestBrowser(t.fetch);
    const query = new URLSearchParams({
      client_id: t.world.webApp.appId,
      scope: "https://graph.microsoft.com/.default",
      redirect_uri: "http://localhost:8400/callback",
      state: "x",
    });
    const page = await browser.get(
      `https://login.microsoftonline.com/${t.world.standalone.id}/v2.0/adminconsent?${query}`,
    );
    const html = await (
      await signIn(browser, page, t.world.users.standaloneAdmin.upn, PASSWORD)
    ).text();
    await browser.post("/common/consent", {
      flowToken: flowTokenOf(html),
      consentAction: "accept",
    });

    const user = await ropc(t.world.standalone.id, t.world.users.standaloneAdmin.upn);
    expect(user.status).toBe(200);
    const bearer = { authorization: `Bearer ${String(user.body.access_token)}` };
    const appId = t.world.webApp.appId;
    const sps = await t.fetch(
      `https://graph.microsoft.com/v1.0/servicePrincipals?$filter=${encodeURIComponent(`appId eq '${appId}'`)}`,
      { headers: bearer },
    );
    expect(sps.status).toBe(200);
    const spList = (await sps.json()) as { value: { id: string; appId: string }[] };
    expect(spList.value.map((sp) => sp.appId)).toEqual([appId]);
    const spId = spList.value[0]?.id ?? "";
    const grants = await t.fetch(
      `https://graph.microsoft.com/v1.0/oauth2PermissionGrants?$filter=${encodeURIComponent(`clientId eq '${spId}'`)}`,
      { headers: bearer },
    );
    expect(grants.status).toBe(200);
    const grantList = (await grants.json()) as { value: { consentType: string; scope: string }[] };
    expect(grantList.value).toEqual([
      expect.objectContaining({
        consentType: "AllPrincipals",
        scope: "User.Read User.Read.All AuditLog.Read.All Application.Read.All Directory.Read.All",
      }),
    ]);

    // Deleting needs Application.ReadWrite.All: an app-only token of the web app.
    const app = await t.token(t.world.standalone.id, {
      client_id: appId,
      client_secret: t.world.webSecret,
      grant_type: "client_credentials",
      scope: "https://graph.microsoft.com/.default",
    });
    const deleted = await t.fetch(`https://graph.microsoft.com/v1.0/servicePrincipals/${spId}`, {
      method: "DELETE",
      headers: { authorization: `Bearer ${String(app.body.access_token)}` },
    });
    expect(deleted.status).toBe(204);

    const after = await ropc(t.world.standalone.id, t.world.users.standaloneAdmin.upn);
    expect(after.status).toBe(400);
    expect(aadstsCode(after.body)).toBe(65001);
  });
});
