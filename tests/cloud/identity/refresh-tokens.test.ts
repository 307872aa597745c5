import { decodeJwt } from "jose";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type IdentityTestCloud, startIdentityTestCloud } from "./testing/cloud";
import { aadstsCode, SPA_ORIGIN, SPA_SCOPE, spaTokens, webTokens } from "./testing/flows";

const HOUR = 60 * 60 * 1000;
const DAY = 24 * HOUR;

let t: IdentityTestCloud;

beforeAll(async () => {
  t = await startIdentityTestCloud();
});
afterAll(async () => {
  await t.cloud.close();
});

function refreshSpa(
  refreshToken: string,
  tenant = "organizations",
  origin: string | null = SPA_ORIGIN,
) {
  return t.token(
    tenant,
    {
      client_id: t.world.spaApp.appId,
      grant_type: "refresh_token",
      refresh_token: refreshToken,
      scope: SPA_SCOPE,
    },
    origin ?? undefined,
  );
}

function refreshWeb(refreshToken: string) {
  return t.token("organizations", {
    client_id: t.world.webApp.appId,
    client_secret: t.world.webSecret,
    grant_type: "refresh_token",
    refresh_token: refreshToken,
    scope: SPA_SCOPE,
  });
}

describe("refresh tokens", () => {
  it("rotates: each redemption returns a new refresh token and a fresh access token", async () => {
    const { refreshToken, body: first } = await spaTokens(t, t.world.users.customerUser.upn);
    await t.advanceClock(2 * HOUR);
    const { status, body } = await refreshSpa(refreshToken);
    expect(status).toBe(200);
    expect(body.refresh_token).toEqual(expect.any(String));
    expect(body.refresh_token).not.toBe(refreshToken);
    expect(decodeJwt(String(body.access_token)).exp).toBeGreaterThan(
      Number(decodeJwt(String(first.access_token)).exp),
    );
  });

  it("leaves the previous refresh token usable after rotation, as Entra ID does", async () => {
    const { refreshToken } = await spaTokens(t, t.world.users.customerUser.upn);
    expect((await refreshSpa(refreshToken)).status).toBe(200);
    expect((await refreshSpa(refreshToken)).status).toBe(200);
  });

  it("tells a SPA how long its refresh token has left, counted from the sign-in", async () => {
    const { refreshToken, body: first } = await spaTokens(t, t.world.users.customerUser.upn);
    // The emulator clock keeps running in real time, so allow the seconds the test itself takes.
    expect(first.refresh_token_expires_in).toBeLessThanOrEqual(24 * 60 * 60);
    expect(first.refresh_token_expires_in).toBeGreaterThan(24 * 60 * 60 - 60);
    await t.advanceClock(3 * HOUR);
    const { body } = await refreshSpa(refreshToken);
    expect(body.refresh_token_expires_in).toBeLessThanOrEqual(21 * 60 * 60);
    expect(body.refresh_token_expires_in).toBeGreaterThan(21 * 60 * 60 - 60);
  });

  it("ends a SPA's refresh tokens 24 hours after sign-in, rotated or not (AADSTS700084)", async () => {
    const { refreshToken } = await spaTokens(t, t.world.users.customerUser.upn);
    await t.advanceClock(23 * HOUR);
    const rotated = await refreshSpa(refreshToken);
    expect(rotated.status).toBe(200);
    await t.advanceClock(HOUR + 1000);
    const expired = await refreshSpa(String(rotated.body.refresh_token));
    expect(expired.status).toBe(400);
    expect(expired.body.error).toBe("invalid_grant");
    expect(aadstsCode(expired.body)).toBe(700084);
    expect(String(expired.body.error_description)).toContain("1.00:00:00");
  });

  it("keeps a web app's refresh token alive while used within 90 days", async () => {
    const { refreshToken } = await webTokens(t, t.world.users.customerUser.upn);
    await t.advanceClock(80 * DAY);
    const used = await refreshWeb(refreshToken);
    expect(used.status).toBe(200);
    await t.advanceClock(80 * DAY);
    const again = await refreshWeb(String(used.body.refresh_token));
    expect(again.status).toBe(200);
  });

  it("expires a web app's refresh token after 90 days of inactivity (AADSTS700082)", async () => {
    const { refreshToken } = await webTokens(t, t.world.users.customerUser.upn);
    await t.advanceClock(90 * DAY + 1000);
    const { status, body } = await refreshWeb(refreshToken);
    expect(status).toBe(400);
    expect(aadstsCode(body)).toBe(700082);
  });

  it("refuses refresh tokens issued before a revocation (AADSTS50173)", async () => {
    const { refreshToken } = await spaTokens(t, t.world.users.partnerUser.upn);
    const revoke = await t.fetch(`${t.cloud.url}/_emulator/refresh-tokens/revoke`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ userId: t.world.users.partnerUser.id }),
    });
    expect(revoke.status).toBe(200);
    const { status, body } = await refreshSpa(refreshToken);
    expect(status).toBe(400);
    expect(body.error).toBe("invalid_grant");
    expect(aadstsCode(body)).toBe(50173);
    // A new sign-in works again.
    const fresh = await spaTokens(t, t.world.users.partnerUser.upn);
    expect((await refreshSpa(fresh.refreshToken)).status).toBe(200);
  });

  it("answers an unknown refresh token with invalid_grant, not a crash", async () => {
    const { status, body } = await refreshSpa("not-a-refresh-token");
    expect(status).toBe(400);
    expect(body.error).toBe("invalid_grant");
  });
});

describe("customer tenants (CSP / GDAP)", () => {
  it("gives a partner's delegated admin a token for a consented customer from the home refresh token", async () => {
    const { refreshToken } = await spaTokens(t, t.world.users.partnerTechnician.upn);
    const { status, body } = await refreshSpa(refreshToken, t.world.consented.id);
    expect(status).toBe(200);
    const access = decodeJwt(String(body.access_token));
    expect(access.tid).toBe(t.world.consented.id);
    expect(access.oid).toBe(t.world.users.partnerTechnician.id);
    expect(String(access.scp).split(" ")).toContain("User.Read.All");
  });

  it("refuses a customer where the app is not authorised (AADSTS90099)", async () => {
    const { refreshToken } = await spaTokens(t, t.world.users.partnerTechnician.upn);
    const { status, body } = await refreshSpa(refreshToken, t.world.unconsented.id);
    expect(status).toBe(400);
    expect(body.error).toBe("invalid_grant");
    expect(aadstsCode(body)).toBe(90099);
  });

  it("refuses a partner user without delegated admin access in that customer (AADSTS50020)", async () => {
    const { refreshToken } = await spaTokens(t, t.world.users.partnerUser.upn);
    const { status, body } = await refreshSpa(refreshToken, t.world.consented.id);
    expect(status).toBe(400);
    expect(aadstsCode(body)).toBe(50020);
  });

  it("refuses a tenant member when the app has no consent there (AADSTS65001, consent_required)", async () => {
    const { refreshToken } = await spaTokens(t, t.world.users.partnerTechnician.upn);
    const standalone = await refreshSpa(refreshToken, t.world.standalone.id);
    expect(aadstsCode(standalone.body)).toBe(50020);
    // A member of the standalone tenant after its admin consent was never given:
    const { status, body } = await t.token(t.world.standalone.id, {
      client_id: t.world.webApp.appId,
      client_secret: t.world.webSecret,
      grant_type: "password",
      username: t.world.users.standaloneUser.upn,
      password: "Correct-Horse-7",
      scope: SPA_SCOPE,
    });
    expect(status).toBe(400);
    expect(body.error).toBe("invalid_grant");
    expect(body.suberror).toBe("consent_required");
    expect(aadstsCode(body)).toBe(65001);
  });
});

describe("Origin rules and CORS", () => {
  it("requires a cross-origin request to redeem a SPA's refresh token (AADSTS9002327)", async () => {
    const { refreshToken } = await spaTokens(t, t.world.users.customerUser.upn);
    const { status, body } = await refreshSpa(refreshToken, "organizations", null);
    expect(status).toBe(400);
    expect(body.error).toBe("invalid_request");
    expect(aadstsCode(body)).toBe(9002327);
  });

  it("refuses cross-origin redemption for a web app (AADSTS9002326)", async () => {
    const { refreshToken } = await webTokens(t, t.world.users.customerUser.upn);
    const { status, body, headers } = await t.token(
      "organizations",
      {
        client_id: t.world.webApp.appId,
        client_secret: t.world.webSecret,
        grant_type: "refresh_token",
        refresh_token: refreshToken,
      },
      "https://somewhere.example",
    );
    expect(status).toBe(400);
    expect(aadstsCode(body)).toBe(9002326);
    expect(String(body.error_description)).toContain("Request origin: 'https://somewhere.example'");
    expect(headers.get("access-control-allow-origin")).toBe("https://somewhere.example");
  });

  it("answers the CORS preflight of a chrome-extension:// origin", async () => {
    const origin = "chrome-extension://lopdgfmgcibcaekiojgpdhmihgfmpikm";
    const response = await t.fetch(
      "https://login.microsoftonline.com/organizations/oauth2/v2.0/token",
      {
        method: "OPTIONS",
        headers: {
          origin,
          "access-control-request-method": "POST",
          "access-control-request-headers": "content-type",
        },
      },
    );
    expect(response.status).toBe(204);
    expect(response.headers.get("access-control-allow-origin")).toBe(origin);
    expect(response.headers.get("access-control-allow-methods")).toContain("POST");
  });

  it("shapes token errors exactly as Microsoft does", async () => {
    const { body } = await refreshSpa("garbage");
    expect(Object.keys(body).sort()).toEqual(
      [
        "correlation_id",
        "error",
        "error_codes",
        "error_description",
        "error_uri",
        "timestamp",
        "trace_id",
      ].sort(),
    );
    expect(String(body.error_description)).toMatch(
      /^AADSTS\d+: .+\r\nTrace ID: [0-9a-f-]{36}\r\nCorrelation ID: [0-9a-f-]{36}\r\nTimestamp: \d{4}-\d\d-\d\d \d\d:\d\d:\d\dZ$/,
    );
    expect(body.timestamp).toMatch(/^\d{4}-\d\d-\d\d \d\d:\d\d:\d\dZ$/);
  });
});
