import { describe, expect, it } from "vitest";
import { createGraphHarness } from "./test-support/graph-harness";
import { addGeneratedUsers, addObjects } from "./test-support/tenant-builder";

const GLOBAL_ADMIN_TEMPLATE = "62e90394-69f5-4237-9190-012177145e10";

async function tenantWithAdmins() {
  const graph = await createGraphHarness();
  const [alice, bob] = addGeneratedUsers(graph.tenant, 2);
  const [group] = addObjects(graph.tenant, "groups", [
    { displayName: "Admins group", isAssignableToRole: true },
  ]);
  const [role, empty] = addObjects(graph.tenant, "directoryRoles", [
    {
      displayName: "Global Administrator",
      description: "d",
      deletedDateTime: null,
      roleTemplateId: GLOBAL_ADMIN_TEMPLATE,
    },
    {
      displayName: "Directory Readers",
      description: "d",
      deletedDateTime: null,
      roleTemplateId: "88d8e3e3-8f55-4a1e-953a-9b9898b8876b",
    },
  ]);
  graph.tenant.directoryRoleMembers.set(String(role?.id), [
    String(alice?.id),
    String(group?.id),
    "ffffffff-0000-0000-0000-000000000000",
  ]);
  return { graph, alice, bob, group, role, empty };
}

type Members = { value: Record<string, unknown>[] };

describe("directory roles", () => {
  it("lists each role's members with $expand=members, typed as directoryObjects", async () => {
    const { graph, alice, group } = await tenantWithAdmins();
    const response = await graph.call("/v1.0/directoryRoles?$expand=members");
    expect(response.status).toBe(200);
    const body = (await response.json()) as {
      "@odata.context": string;
      value: { displayName: string; members: Record<string, unknown>[] }[];
    };
    expect(body["@odata.context"]).toBe(
      "https://graph.microsoft.com/v1.0/$metadata#directoryRoles(members())",
    );
    const admins = body.value.find((role) => role.displayName === "Global Administrator");
    // The dangling member id (an object that no longer exists) is left out.
    expect(admins?.members.map((member) => [member["@odata.type"], member.id])).toEqual([
      ["#microsoft.graph.user", alice?.id],
      ["#microsoft.graph.group", group?.id],
    ]);
    expect(body.value.find((role) => role.displayName === "Directory Readers")?.members).toEqual(
      [],
    );
  });

  it("leaves members out without $expand", async () => {
    const { graph } = await tenantWithAdmins();
    const body = (await (await graph.call("/v1.0/directoryRoles")).json()) as Members;
    expect(body.value.every((role) => !("members" in role))).toBe(true);
  });

  it("finds a role's members by id or by roleTemplateId", async () => {
    const { graph, role, alice } = await tenantWithAdmins();
    for (const key of [String(role?.id), `roleTemplateId=${GLOBAL_ADMIN_TEMPLATE}`]) {
      const body = (await (
        await graph.call(`/v1.0/directoryRoles/${key}/members`)
      ).json()) as Members;
      expect(
        body.value.map((member) => member.id),
        key,
      ).toContain(alice?.id);
    }
    expect(
      (
        await graph.call(
          "/v1.0/directoryRoles/roleTemplateId=00000000-0000-0000-0000-000000000000/members",
        )
      ).status,
    ).toBe(404);
  });
});
