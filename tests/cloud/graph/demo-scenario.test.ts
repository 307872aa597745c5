import { beforeAll, describe, expect, it } from "vitest";
import { type CloudContext, createCloudContext } from "../context";
import type { EmulatedTenant } from "../tenants/model";
import { setThrottling } from "./admin";
import { createGraphApp } from "./app";
import { USER } from "./entity-types";
import { ALL_READ_SCOPES, mintGraphToken } from "./test-support/tokens";

/** Every list endpoint the product reads, against every tenant of the generated demo scenario. */
const ENDPOINTS = [
  "/v1.0/users?$top=999",
  "/v1.0/users?$select=id,displayName,accountEnabled,userType,createdDateTime,signInActivity&$top=999",
  "/v1.0/users/delta",
  "/v1.0/devices",
  "/v1.0/devices/delta",
  "/v1.0/deviceManagement/managedDevices",
  "/v1.0/groups",
  "/v1.0/groups/delta",
  "/v1.0/subscribedSkus",
  "/v1.0/directoryRoles?$expand=members",
  "/v1.0/roleManagement/directory/roleAssignments?$expand=principal",
  "/v1.0/roleManagement/directory/roleDefinitions",
  "/v1.0/auditLogs/directoryAudits",
  "/v1.0/reports/authenticationMethods/userRegistrationDetails",
  "/v1.0/security/secureScores?$top=90",
  "/v1.0/security/secureScoreControlProfiles",
  "/v1.0/contracts",
  "/v1.0/tenantRelationships/delegatedAdminCustomers",
  "/v1.0/organization",
  "/v1.0/servicePrincipals",
  "/v1.0/oauth2PermissionGrants",
  "/v1.0/policies/identitySecurityDefaultsEnforcementPolicy",
];

/** The licence-dependent answers a tenant may legitimately give instead of 200. */
function expectedStatus(tenant: EmulatedTenant, path: string): number {
  const premium = tenant.licensing.entraIdP1 || tenant.licensing.entraIdP2;
  if (path.includes("userRegistrationDetails") || path.includes("signInActivity"))
    return premium ? 200 : 403;
  if (path.includes("managedDevices")) return tenant.licensing.intune ? 200 : 400;
  return 200;
}

describe("Graph over the generated demo scenario", () => {
  let ctx: CloudContext;
  beforeAll(async () => {
    ctx = await createCloudContext({ scenario: "demo" });
    setThrottling(ctx, false);
  });

  it("answers every product endpoint for every demo tenant", async () => {
    const app = createGraphApp(ctx);
    expect(ctx.state.tenants.size).toBeGreaterThan(1);
    for (const tenant of ctx.state.tenants.values()) {
      const token = await mintGraphToken(ctx, tenant, { scopes: ALL_READ_SCOPES });
      for (const path of ENDPOINTS) {
        const response = await app.request(path, { headers: { Authorization: `Bearer ${token}` } });
        expect(
          response.status,
          `${tenant.displayName} ${path}: ${response.status === 500 ? await response.text() : ""}`,
        ).toBe(expectedStatus(tenant, path));
      }
    }
  });

  it("returns the generated users with exactly the default property set", async () => {
    const app = createGraphApp(ctx);
    const tenant = [...ctx.state.tenants.values()].find(
      (candidate) => candidate.collections.users.size > 0,
    );
    if (!tenant) throw new Error("the demo scenario has no users");
    const token = await mintGraphToken(ctx, tenant, { scopes: ALL_READ_SCOPES });
    const page = (await (
      await app.request("/v1.0/users", { headers: { Authorization: `Bearer ${token}` } })
    ).json()) as {
      value: Record<string, unknown>[];
    };
    expect(page.value.length).toBeGreaterThan(0);
    for (const user of page.value) expect(Object.keys(user)).toEqual(USER.defaultProperties);
  });
});
