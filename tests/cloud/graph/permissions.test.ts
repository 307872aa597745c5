import { describe, expect, it } from "vitest";
import { PERMISSIONS, type PermissionKey } from "./permissions";
import { createGraphHarness } from "./test-support/graph-harness";
import { addGeneratedUsers, addObjects } from "./test-support/tenant-builder";

/** One request per permission row, so every documented rule is exercised through HTTP. */
const REQUESTS: Record<PermissionKey, { method?: string; path: string; body?: unknown }> = {
  listUsers: { path: "/v1.0/users" },
  getUser: { path: "/v1.0/users/{userId}" },
  getMe: { path: "/v1.0/me" },
  userDelta: { path: "/v1.0/users/delta" },
  listAuthenticationMethods: { path: "/v1.0/users/{userId}/authentication/methods" },
  listDevices: { path: "/v1.0/devices" },
  deviceDelta: { path: "/v1.0/devices/delta" },
  listManagedDevices: { path: "/v1.0/deviceManagement/managedDevices" },
  listGroups: { path: "/v1.0/groups" },
  groupDelta: { path: "/v1.0/groups/delta" },
  listGroupMembers: { path: "/v1.0/groups/{groupId}/members" },
  listSubscribedSkus: { path: "/v1.0/subscribedSkus" },
  listDirectoryRoles: { path: "/v1.0/directoryRoles" },
  listDirectoryRoleMembers: { path: "/v1.0/directoryRoles/{roleId}/members" },
  directoryRoleDelta: { path: "/v1.0/directoryRoles/delta" },
  listRoleAssignments: { path: "/v1.0/roleManagement/directory/roleAssignments" },
  listRoleDefinitions: { path: "/v1.0/roleManagement/directory/roleDefinitions" },
  listDirectoryAudits: { path: "/v1.0/auditLogs/directoryAudits" },
  listUserRegistrationDetails: {
    path: "/v1.0/reports/authenticationMethods/userRegistrationDetails",
  },
  listSecureScores: { path: "/v1.0/security/secureScores" },
  listSecureScoreControlProfiles: { path: "/v1.0/security/secureScoreControlProfiles" },
  listContracts: { path: "/v1.0/contracts" },
  listDelegatedAdminCustomers: { path: "/v1.0/tenantRelationships/delegatedAdminCustomers" },
  listOrganization: { path: "/v1.0/organization" },
  listServicePrincipals: { path: "/v1.0/servicePrincipals" },
  deleteServicePrincipal: {
    method: "DELETE",
    path: "/v1.0/servicePrincipals/{servicePrincipalId}",
  },
  listOAuth2PermissionGrants: { path: "/v1.0/oauth2PermissionGrants" },
  createOAuth2PermissionGrant: {
    method: "POST",
    path: "/v1.0/oauth2PermissionGrants",
    body: { clientId: "c", consentType: "AllPrincipals", resourceId: "r", scope: "User.Read" },
  },
  getSecurityDefaultsPolicy: { path: "/v1.0/policies/identitySecurityDefaultsEnforcementPolicy" },
  listMyMemberOf: { path: "/v1.0/me/memberOf" },
  deleteGroup: { method: "DELETE", path: "/v1.0/groups/{groupId}" },
  listDelegatedAdminRelationships: {
    path: "/v1.0/tenantRelationships/delegatedAdminRelationships",
  },
  listConditionalAccessPolicies: { path: "/v1.0/identity/conditionalAccess/policies" },
  listAppRoleAssignedTo: { path: "/v1.0/servicePrincipals/{servicePrincipalId}/appRoleAssignedTo" },
  createAppRoleAssignment: {
    method: "POST",
    path: "/v1.0/servicePrincipals/{servicePrincipalId}/appRoleAssignedTo",
    body: {
      principalId: "{userId}",
      resourceId: "{servicePrincipalId}",
      appRoleId: "df021288-bdef-4463-88db-98f22de89214",
    },
  },
};

async function setUp() {
  const graph = await createGraphHarness();
  const [user] = addGeneratedUsers(graph.tenant, 1);
  const [group] = addObjects(graph.tenant, "groups", [{ displayName: "g" }]);
  const [role] = addObjects(graph.tenant, "directoryRoles", [
    { displayName: "Global Administrator", roleTemplateId: "62e90394-69f5-4237-9190-012177145e10" },
  ]);
  const ids = { userId: String(user?.id), groupId: String(group?.id), roleId: String(role?.id) };
  const resolve = (path: string) =>
    path.replace(
      /\{(\w+)\}/g,
      (_match, name: string) => (ids as Record<string, string>)[name] ?? "",
    );
  const request = async (key: PermissionKey, token: string) => {
    const spec = REQUESTS[key];
    const [servicePrincipal] = addObjects(graph.tenant, "servicePrincipals", [
      { appId: "a", displayName: "sp" },
    ]);
    const path = resolve(spec.path.replace("{servicePrincipalId}", String(servicePrincipal?.id)));
    return graph.call(path, {
      method: spec.method ?? "GET",
      token,
      ...(spec.body
        ? {
            body: resolve(
              JSON.stringify(spec.body).replaceAll(
                "{servicePrincipalId}",
                String(servicePrincipal?.id),
              ),
            ),
            headers: { "Content-Type": "application/json" },
          }
        : {}),
    });
  };
  return { graph, user, request };
}

describe("documented permissions", () => {
  it("has a request for every permission row", () => {
    expect(Object.keys(REQUESTS).sort()).toEqual(Object.keys(PERMISSIONS).sort());
  });

  it("answers 403 Authorization_RequestDenied to a delegated token lacking every documented scope", async () => {
    const { graph, user, request } = await setUp();
    const token = await graph.token({
      scopes: ["openid", "profile", "offline_access"],
      userId: String(user?.id),
    });
    for (const key of Object.keys(REQUESTS) as PermissionKey[]) {
      const response = await request(key, token);
      expect(response.status, key).toBe(403);
      const body = (await response.json()) as { error: { code: string; message: string } };
      expect(body.error, key).toMatchObject({
        code: "Authorization_RequestDenied",
        message: "Insufficient privileges to complete the operation.",
      });
    }
  });

  it("lets the least-privileged delegated scope through on each endpoint", async () => {
    const { graph, user, request } = await setUp();
    for (const key of Object.keys(REQUESTS) as PermissionKey[]) {
      const least = PERMISSIONS[key].delegated[0];
      if (least === undefined) continue;
      const scopes = typeof least === "string" ? [least] : [...least];
      const token = await graph.token({ scopes, userId: String(user?.id) });
      const response = await request(key, token);
      expect(response.status, `${key} with ${least}`).toBeLessThan(300);
    }
  });

  it("checks application roles for app-only tokens, and refuses delegated-only APIs to them", async () => {
    const { graph, request } = await setUp();
    const allowed = await graph.token({ roles: ["User.Read.All"] });
    expect((await request("listUsers", allowed)).status).toBe(200);
    const wrongRole = await graph.token({ roles: ["Device.Read.All"] });
    expect((await request("listUsers", wrongRole)).status).toBe(403);
    const customers = await graph.token({ roles: ["DelegatedAdminRelationship.Read.All"] });
    expect((await request("listDelegatedAdminCustomers", customers)).status).toBe(403);
  });

  it("does not take a scope's name case-insensitively or by prefix", async () => {
    const { graph, request } = await setUp();
    for (const scopes of [["user.read.all"], ["User.Read"], ["User.ReadBasic"]]) {
      const token = await graph.token({ scopes });
      expect((await request("listUsers", token)).status, scopes.join()).toBe(403);
    }
  });

  it("requires every permission of a combined requirement (directoryAudits: AuditLog.Read.All and Directory.Read.All)", async () => {
    const { graph, request } = await setUp();
    for (const scopes of [["AuditLog.Read.All"], ["Directory.Read.All"]]) {
      expect(
        (await request("listDirectoryAudits", await graph.token({ scopes }))).status,
        scopes.join(),
      ).toBe(403);
    }
    const both = await graph.token({ scopes: ["AuditLog.Read.All", "Directory.Read.All"] });
    expect((await request("listDirectoryAudits", both)).status).toBe(200);
  });
});
