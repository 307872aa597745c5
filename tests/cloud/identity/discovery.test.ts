import { importJWK, jwtVerify } from "jose";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type IdentityTestCloud, startIdentityTestCloud } from "./testing/cloud";
import { PASSWORD } from "./testing/world";

let t: IdentityTestCloud;

beforeAll(async () => {
  t = await startIdentityTestCloud();
});
afterAll(async () => {
  await t.cloud.close();
});

async function getJson(url: string, origin?: string) {
  const response = await t.fetch(url, origin ? { headers: { origin } } : {});
  return { response, body: (await response.json()) as Record<string, unknown> };
}

describe("discovery documents", () => {
  it("publishes a tenant's OpenID configuration with its issuer and endpoints, readable cross-origin", async () => {
    const tenantId = t.world.consented.id;
    const { response, body } = await getJson(
      `https://login.microsoftonline.com/${tenantId}/v2.0/.well-known/openid-configuration`,
      "chrome-extension://lopdgfmgcibcaekiojgpdhmihgfmpikm",
    );
    expect(response.headers.get("access-control-allow-origin")).toBe("*");
    expect(body.issuer).toBe(`https://login.microsoftonline.com/${tenantId}/v2.0`);
    expect(body.authorization_endpoint).toBe(
      `https://login.microsoftonline.com/${tenantId}/oauth2/v2.0/authorize`,
    );
    expect(body.token_endpoint).toBe(
      `https://login.microsoftonline.com/${tenantId}/oauth2/v2.0/token`,
    );
    expect(body.jwks_uri).toBe(`https://login.microsoftonline.com/${tenantId}/discovery/v2.0/keys`);
  });

  it("uses the {tenantid} placeholder in the issuer of the multi-tenant documents", async () => {
    const { body } = await getJson(
      "https://login.microsoftonline.com/organizations/v2.0/.well-known/openid-configuration",
    );
    expect(body.issuer).toBe("https://login.microsoftonline.com/{tenantid}/v2.0");
    expect(body.token_endpoint).toBe(
      "https://login.microsoftonline.com/organizations/oauth2/v2.0/token",
    );
  });

  it("answers an unknown tenant with AADSTS90002 instead of a document", async () => {
    const { response, body } = await getJson(
      "https://login.microsoftonline.com/nosuch.onmicrosoft.com/v2.0/.well-known/openid-configuration",
    );
    expect(response.status).toBe(400);
    expect(body.error_codes).toEqual([90002]);
  });

  it("answers instance discovery for the authority MSAL asks about", async () => {
    const authorize = `https://login.microsoftonline.com/${t.world.partner.id}/oauth2/v2.0/authorize`;
    const { body } = await getJson(
      `https://login.microsoftonline.com/common/discovery/instance?api-version=1.1&authorization_endpoint=${encodeURIComponent(authorize)}`,
    );
    expect(body.tenant_discovery_endpoint).toBe(
      `https://login.microsoftonline.com/${t.world.partner.id}/v2.0/.well-known/openid-configuration`,
    );
    expect(body.metadata).toEqual([
      expect.objectContaining({ preferred_network: "login.microsoftonline.com" }),
    ]);
  });

  it("publishes the key that verifies the emulator's access tokens", async () => {
    const token = await t.token("organizations", {
      client_id: t.world.spaApp.appId,
      grant_type: "password",
      username: t.world.users.customerUser.upn,
      password: PASSWORD,
      scope: "https://graph.microsoft.com/.default",
    });
    const { body } = await getJson("https://login.microsoftonline.com/common/discovery/v2.0/keys");
    const keys = body.keys as Array<Record<string, unknown>>;
    expect(keys).toHaveLength(1);
    const key = await importJWK(keys[0] as Parameters<typeof importJWK>[0], "RS256");
    const { payload } = await jwtVerify(String(token.body.access_token), key, {
      currentDate: new Date(t.cloud.ctx.state.clock.now()),
    });
    expect(payload.aud).toBe("https://graph.microsoft.com");
  });
});
