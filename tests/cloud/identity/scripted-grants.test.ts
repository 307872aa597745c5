import { decodeJwt } from "jose";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type IdentityTestCloud, startIdentityTestCloud } from "./testing/cloud";
import { aadstsCode } from "./testing/flows";
import { PASSWORD } from "./testing/world";

let t: IdentityTestCloud;

beforeAll(async () => {
  t = await startIdentityTestCloud();
});
afterAll(async () => {
  await t.cloud.close();
});

function clientCredentials(tenant: string, fields: Record<string, string> = {}) {
  return t.token(tenant, {
    client_id: t.world.webApp.appId,
    client_secret: t.world.webSecret,
    grant_type: "client_credentials",
    scope: "https://graph.microsoft.com/.default",
    ...fields,
  });
}

function password(tenant: string, fields: Record<string, string>) {
  return t.token(tenant, {
    client_id: t.world.spaApp.appId,
    grant_type: "password",
    scope: "https://graph.microsoft.com/User.Read.All openid profile offline_access",
    ...fields,
  });
}

describe("client credentials", () => {
  it("issues an app-only Graph token with the app's roles and no refresh token", async () => {
    const { status, body } = await clientCredentials(t.world.consented.id);
    expect(status).toBe(200);
    expect(Object.keys(body).sort()).toEqual([
      "access_token",
      "expires_in",
      "ext_expires_in",
      "token_type",
    ]);
    const claims = decodeJwt(String(body.access_token));
    expect(claims).toMatchObject({
      idtyp: "app",
      tid: t.world.consented.id,
      appid: t.world.webApp.appId,
    });
    expect(claims.roles).toEqual(["User.Read.All", "Application.ReadWrite.All"]);
    expect(claims.scp).toBeUndefined();
  });

  it("is logged against its tenant and app in the request log", async () => {
    await clientCredentials(t.world.consented.id);
    const query = new URLSearchParams({
      host: "login.microsoftonline.com",
      path: `/${t.world.consented.id}/oauth2/v2.0/token`,
      tenantId: t.world.consented.id,
    });
    const log = (await (await t.fetch(`${t.cloud.url}/_emulator/requests?${query}`)).json()) as {
      requests: Array<{ appId: string | null; method: string; status: number }>;
    };
    expect(log.requests).toContainEqual(
      expect.objectContaining({ appId: t.world.webApp.appId, method: "POST", status: 200 }),
    );
  });

  it("refuses a wrong secret with invalid_client (AADSTS7000215, HTTP 401)", async () => {
    const { status, body } = await clientCredentials(t.world.consented.id, {
      client_secret: "nope",
    });
    expect(status).toBe(401);
    expect(body.error).toBe("invalid_client");
    expect(aadstsCode(body)).toBe(7000215);
  });

  it("requires a /.default scope (AADSTS1002012)", async () => {
    const { body } = await clientCredentials(t.world.consented.id, {
      scope: "https://graph.microsoft.com/User.Read.All",
    });
    expect(body.error).toBe("invalid_scope");
    expect(aadstsCode(body)).toBe(1002012);
  });

  it("is not served on /common (AADSTS9001023)", async () => {
    const { body } = await clientCredentials("common");
    expect(aadstsCode(body)).toBe(9001023);
  });

  it("needs the app's service principal in the tenant (AADSTS7000229)", async () => {
    const { status, body } = await clientCredentials(t.world.unconsented.id);
    expect(status).toBe(401);
    expect(aadstsCode(body)).toBe(7000229);
  });
});

describe("resource owner password credentials", () => {
  it("issues user tokens for a demo user's name and password", async () => {
    const { status, body } = await password("organizations", {
      username: t.world.users.customerUser.upn,
      password: PASSWORD,
    });
    expect(status).toBe(200);
    expect(typeof body.refresh_token).toBe("string");
    expect(typeof body.id_token).toBe("string");
    const claims = decodeJwt(String(body.access_token));
    expect(claims).toMatchObject({
      idtyp: "user",
      upn: t.world.users.customerUser.upn,
      tid: t.world.consented.id,
    });
  });

  it("refuses a wrong password (AADSTS50126)", async () => {
    const { status, body } = await password("organizations", {
      username: t.world.users.customerUser.upn,
      password: "wrong",
    });
    expect(status).toBe(400);
    expect(body.error).toBe("invalid_grant");
    expect(aadstsCode(body)).toBe(50126);
  });

  it("refuses an unknown user (AADSTS50034)", async () => {
    const { body } = await password("organizations", {
      username: "nobody@nowhere.test",
      password: PASSWORD,
    });
    expect(aadstsCode(body)).toBe(50034);
  });

  it("requires the confidential app's secret (AADSTS7000218)", async () => {
    const { status, body } = await t.token("organizations", {
      client_id: t.world.webApp.appId,
      grant_type: "password",
      username: t.world.users.customerUser.upn,
      password: PASSWORD,
    });
    expect(status).toBe(401);
    expect(aadstsCode(body)).toBe(7000218);
  });
});

describe("bad token requests", () => {
  it("names the missing parameter (AADSTS900144)", async () => {
    const { status, body } = await t.token("organizations", { client_id: t.world.spaApp.appId });
    expect(status).toBe(400);
    expect(body.error).toBe("invalid_request");
    expect(String(body.error_description)).toContain("'grant_type'");
  });

  it("refuses an unknown client (AADSTS700016)", async () => {
    const { body } = await t.token("organizations", {
      client_id: "00000000-0000-0000-0000-000000000001",
      grant_type: "client_credentials",
    });
    expect(body.error).toBe("unauthorized_client");
    expect(aadstsCode(body)).toBe(700016);
  });

  it("ignores a malformed Basic authorization header instead of failing", async () => {
    const response = await t.fetch(
      "https://login.microsoftonline.com/organizations/oauth2/v2.0/token",
      {
        method: "POST",
        headers: {
          authorization: `Basic ${Buffer.from("%E0%A4%A:secret").toString("base64")}`,
          "content-type": "application/x-www-form-urlencoded",
        },
        body: "grant_type=client_credentials",
      },
    );
    expect(response.status).toBe(400);
    expect(((await response.json()) as { error_description: string }).error_description).toContain(
      "'client_id'",
    );
  });

  it("answers a GET on the token endpoint with AADSTS900561", async () => {
    const response = await t.fetch(
      "https://login.microsoftonline.com/organizations/oauth2/v2.0/token",
    );
    expect(response.status).toBe(400);
    expect(((await response.json()) as { error_codes: number[] }).error_codes).toEqual([900561]);
  });

  it("refuses an unknown grant type (AADSTS70003)", async () => {
    const { body } = await t.token("organizations", {
      client_id: t.world.spaApp.appId,
      grant_type: "magic",
    });
    expect(body.error).toBe("unsupported_grant_type");
  });

  it("refuses an unknown tenant (AADSTS90002)", async () => {
    const { body } = await t.token("nosuchtenant.onmicrosoft.com", { grant_type: "password" });
    expect(aadstsCode(body)).toBe(90002);
  });

  it("answers a JSON body like a missing form, not with a 500", async () => {
    const response = await t.fetch(
      "https://login.microsoftonline.com/organizations/oauth2/v2.0/token",
      {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ grant_type: "password" }),
      },
    );
    expect(response.status).toBe(400);
    expect(((await response.json()) as { error: string }).error).toBe("invalid_request");
  });
});
