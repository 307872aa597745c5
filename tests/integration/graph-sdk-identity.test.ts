import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createSdkClient } from "../cloud/graph/test-support/sdk-client";
import { createEmulatorFetch, type EmulatorFetch } from "../cloud/node-client";
import { type RunningCloud, startCloud } from "../cloud/server";
import {
  DEMO_CONFIDENTIAL_APP_ID,
  DEMO_CONFIDENTIAL_APP_SECRET,
  DEMO_PASSWORD,
  DEMO_SIGN_IN_NAMES,
  DEMO_TENANTS,
} from "../cloud/tenants/demo-constants";

/**
 * Tokens from the emulator's identity platform (password grant, as scripts and curl use it) are
 * accepted by its Graph: the identity platform's scopes and Graph's permission table agree.
 */
let cloud: RunningCloud;
let emulatorFetch: EmulatorFetch;

beforeAll(async () => {
  cloud = await startCloud({ scenario: "demo" });
  emulatorFetch = createEmulatorFetch({ port: cloud.port, caCertPem: cloud.caCertPem });
});

afterAll(async () => {
  await cloud?.close();
});

async function passwordToken(tenantId: string, username: string): Promise<string> {
  const response = await emulatorFetch(
    `https://login.microsoftonline.com/${tenantId}/oauth2/v2.0/token`,
    {
      method: "POST",
      headers: { "Content-Type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({
        grant_type: "password",
        client_id: DEMO_CONFIDENTIAL_APP_ID,
        client_secret: DEMO_CONFIDENTIAL_APP_SECRET,
        username,
        password: DEMO_PASSWORD,
        scope: "https://graph.microsoft.com/.default",
      }),
    },
  );
  const body = (await response.json()) as { access_token?: string; error_description?: string };
  if (!body.access_token) throw new Error(`no token: ${body.error_description ?? response.status}`);
  return body.access_token;
}

describe("identity platform tokens at the Graph emulator", () => {
  it("lists the partner tenant's users with the Graph SDK and a password-grant token", async () => {
    const token = await passwordToken(DEMO_TENANTS.partner.id, DEMO_SIGN_IN_NAMES.partnerAdmin);
    const client = createSdkClient(emulatorFetch, async () => token);
    const page = (await client.api("/users").select(["id", "userPrincipalName"]).top(5).get()) as {
      value: { userPrincipalName: string }[];
    };
    expect(page.value.length).toBeGreaterThan(0);
    expect(page.value.map((user) => user.userPrincipalName)).toContain(
      DEMO_SIGN_IN_NAMES.partnerAdmin,
    );
  });

  it("answers a tenant's token with that tenant's organization only", async () => {
    const token = await passwordToken(
      DEMO_TENANTS.standalone.id,
      DEMO_SIGN_IN_NAMES.standaloneAdmin,
    );
    const response = await emulatorFetch("https://graph.microsoft.com/v1.0/organization", {
      headers: { Authorization: `Bearer ${token}` },
    });
    const body = (await response.json()) as { value: { id: string }[] };
    expect(body.value.map((organization) => organization.id)).toEqual([DEMO_TENANTS.standalone.id]);
  });
});
