import { describe, expect, it } from "vitest";
import { createGraphHarness } from "./test-support/graph-harness";
import { addObjects } from "./test-support/tenant-builder";

const APP_ID = "b0d9b9e3-0ecf-4bfd-8dab-9273dd055a94";

async function consentedTenant() {
  const graph = await createGraphHarness();
  const [graphSp, ourSp, otherSp] = addObjects(graph.tenant, "servicePrincipals", [
    {
      id: "7ea9e944-71ce-443d-811c-71e8047b557a",
      appId: "00000003-0000-0000-c000-000000000000",
      displayName: "Microsoft Graph",
    },
    { appId: APP_ID, displayName: "tenantlens" },
    { appId: "65415bb1-9267-4313-bbf5-ae259732ee12", displayName: "Other app" },
  ]);
  addObjects(graph.tenant, "oauth2PermissionGrants", [
    {
      id: "grant-ours",
      clientId: ourSp?.id,
      consentType: "AllPrincipals",
      principalId: null,
      resourceId: graphSp?.id,
      scope: "User.Read.All AuditLog.Read.All",
    },
    {
      id: "grant-other",
      clientId: otherSp?.id,
      consentType: "AllPrincipals",
      principalId: null,
      resourceId: graphSp?.id,
      scope: "User.Read",
    },
  ]);
  const token = await graph.token({
    scopes: ["Application.ReadWrite.All", "DelegatedPermissionGrant.Read.All"],
  });
  return { graph, ourSp, token };
}

type List = { value: Record<string, unknown>[] };

describe("consent objects: service principals and grants", () => {
  it("finds the app's service principal by appId and its grant by clientId", async () => {
    const { graph, ourSp, token } = await consentedTenant();
    const sps = (await (
      await graph.call(`/v1.0/servicePrincipals?$filter=appId eq '${APP_ID}'`, { token })
    ).json()) as List;
    expect(sps.value.map((sp) => sp.id)).toEqual([ourSp?.id]);
    const grants = (await (
      await graph.call(`/v1.0/oauth2PermissionGrants?$filter=clientId eq '${ourSp?.id}'`, { token })
    ).json()) as List;
    expect(grants.value).toEqual([
      expect.objectContaining({ id: "grant-ours", scope: "User.Read.All AuditLog.Read.All" }),
    ]);
  });

  it("DELETE /servicePrincipals/{id} answers 204 and removes the service principal and its grants", async () => {
    const { graph, ourSp, token } = await consentedTenant();
    const deleted = await graph.call(`/v1.0/servicePrincipals/${ourSp?.id}`, {
      method: "DELETE",
      token,
    });
    expect(deleted.status).toBe(204);
    expect(await deleted.text()).toBe("");
    const sps = (await (
      await graph.call(`/v1.0/servicePrincipals?$filter=appId eq '${APP_ID}'`, { token })
    ).json()) as List;
    expect(sps.value).toEqual([]);
    const grants = (await (
      await graph.call(`/v1.0/oauth2PermissionGrants?$filter=clientId eq '${ourSp?.id}'`, { token })
    ).json()) as List;
    expect(grants.value).toEqual([]);
    // Other apps' grants stay.
    expect(graph.tenant.collections.oauth2PermissionGrants.has("grant-other")).toBe(true);
    expect(
      (await graph.call(`/v1.0/servicePrincipals/${ourSp?.id}`, { method: "DELETE", token }))
        .status,
    ).toBe(404);
  });

  it("deletes by the alternate key servicePrincipals(appId='…')", async () => {
    const { graph, ourSp, token } = await consentedTenant();
    const deleted = await graph.call(`/v1.0/servicePrincipals(appId='${APP_ID}')`, {
      method: "DELETE",
      token,
    });
    expect(deleted.status).toBe(204);
    expect(graph.tenant.collections.servicePrincipals.has(String(ourSp?.id))).toBe(false);
  });

  it("refuses DELETE to a read-only token", async () => {
    const { graph, ourSp } = await consentedTenant();
    const readOnly = await graph.token({ scopes: ["Application.Read.All"] });
    expect(
      (
        await graph.call(`/v1.0/servicePrincipals/${ourSp?.id}`, {
          method: "DELETE",
          token: readOnly,
        })
      ).status,
    ).toBe(403);
    expect(graph.tenant.collections.servicePrincipals.has(String(ourSp?.id))).toBe(true);
  });
});
