import { describe, expect, it } from "vitest";
import { putObject, removeObject } from "../tenants/model";
import { DELTA_TOKEN_LIFETIME_MS } from "./delta";
import { setMembers } from "./membership";
import { createGraphHarness, type GraphHarness } from "./test-support/graph-harness";
import { addGeneratedUsers, addObjects } from "./test-support/tenant-builder";

type DeltaPage = {
  "@odata.nextLink"?: string;
  "@odata.deltaLink"?: string;
  value: Record<string, unknown>[];
};

const local = (link: string) => link.replace("https://graph.microsoft.com", "");

async function walk(graph: GraphHarness, start: string, pageSize?: number) {
  const items: Record<string, unknown>[] = [];
  let pages = 0;
  let next: string | undefined = start;
  const headers: Record<string, string> = pageSize
    ? { Prefer: `odata.maxpagesize=${pageSize}` }
    : {};
  for (;;) {
    const response = await graph.call(next, { headers });
    expect(response.status).toBe(200);
    const page = (await response.json()) as DeltaPage;
    pages++;
    items.push(...page.value);
    expect(page["@odata.nextLink"] !== undefined && page["@odata.deltaLink"] !== undefined).toBe(
      false,
    );
    if (page["@odata.deltaLink"])
      return { items, pages, deltaLink: local(page["@odata.deltaLink"]) };
    next = local(page["@odata.nextLink"] ?? "");
  }
}

describe("delta queries", () => {
  it("pages through every user first, then returns only changes and removals", async () => {
    const graph = await createGraphHarness();
    const users = addGeneratedUsers(graph.tenant, 25);
    const first = await walk(graph, "/v1.0/users/delta?$select=displayName,surname", 10);
    expect(first.pages).toBe(3);
    expect(first.items).toHaveLength(25);
    expect(Object.keys(first.items[0] ?? {})).toEqual(["displayName", "surname", "id"]);

    const none = await walk(graph, first.deltaLink);
    expect(none.items).toEqual([]);

    const changed = users[3];
    const removed = users[4];
    if (!changed || !removed) throw new Error("fixture");
    putObject(graph.tenant, "users", { ...changed, displayName: "Renamed" });
    removeObject(graph.tenant, "users", removed.id);
    const second = await walk(graph, none.deltaLink);
    expect(second.items).toEqual([
      { displayName: "Renamed", surname: changed.surname, id: changed.id },
      { id: removed.id, "@removed": { reason: "changed" } },
    ]);
    // The next round starts after those changes.
    expect((await walk(graph, second.deltaLink)).items).toEqual([]);
  });

  it("reports each changed object once, in its latest state", async () => {
    const graph = await createGraphHarness();
    const [user] = addGeneratedUsers(graph.tenant, 1);
    if (!user) throw new Error("fixture");
    const { deltaLink } = await walk(graph, "/v1.0/users/delta?$select=displayName");
    putObject(graph.tenant, "users", { ...user, displayName: "One" });
    putObject(graph.tenant, "users", { ...user, displayName: "Two" });
    expect((await walk(graph, deltaLink)).items).toEqual([{ displayName: "Two", id: user.id }]);
  });

  it("adds members@delta to groups by default and with $expand=members", async () => {
    const graph = await createGraphHarness();
    const [user] = addGeneratedUsers(graph.tenant, 1);
    const [withMembers, empty] = addObjects(graph.tenant, "groups", [
      { displayName: "TestGroup1", description: "one" },
      { displayName: "TestGroup2", description: "two" },
    ]);
    graph.tenant.groupMembers.set(String(withMembers?.id), [String(user?.id)]);
    const expanded = await walk(
      graph,
      "/v1.0/groups/delta?$select=displayName,description&$expand=members",
    );
    expect(expanded.items).toEqual([
      {
        displayName: "TestGroup1",
        description: "one",
        id: withMembers?.id,
        "members@delta": [{ "@odata.type": "#microsoft.graph.user", id: user?.id }],
      },
      { displayName: "TestGroup2", description: "two", id: empty?.id },
    ]);
    const byDefault = await walk(graph, "/v1.0/groups/delta");
    expect(byDefault.items[0]?.["members@delta"]).toBeDefined();
    const selectedOnly = await walk(graph, "/v1.0/groups/delta?$select=displayName");
    expect(selectedOnly.items[0]?.["members@delta"]).toBeUndefined();
  });

  it("reports deleted devices as deleted for good", async () => {
    const graph = await createGraphHarness();
    const [device] = addObjects(graph.tenant, "devices", [{ displayName: "PC-1", deviceId: "d1" }]);
    const { deltaLink } = await walk(graph, "/v1.0/devices/delta");
    removeObject(graph.tenant, "devices", String(device?.id));
    expect((await walk(graph, deltaLink)).items).toEqual([
      { id: device?.id, "@removed": { reason: "deleted" } },
    ]);
  });

  it("answers a delta token older than 7 days with 400 syncStateNotFound", async () => {
    const graph = await createGraphHarness();
    addGeneratedUsers(graph.tenant, 2);
    const { deltaLink } = await walk(graph, "/v1.0/users/delta");
    graph.ctx.state.clock.advance(DELTA_TOKEN_LIFETIME_MS + 1000);
    const response = await graph.call(deltaLink, { token: await graph.token() });
    expect(response.status).toBe(400);
    expect(((await response.json()) as { error: { code: string } }).error.code).toBe(
      "syncStateNotFound",
    );
  });

  it("answers an unknown or foreign delta token with 410 resyncRequired", async () => {
    const graph = await createGraphHarness();
    addGeneratedUsers(graph.tenant, 1);
    const { deltaLink } = await walk(graph, "/v1.0/users/delta");
    const groupsWithUserToken = deltaLink.replace("/users/", "/groups/");
    for (const path of ["/v1.0/users/delta?$deltatoken=garbage", groupsWithUserToken]) {
      const response = await graph.call(path);
      expect(response.status, path).toBe(410);
      expect(((await response.json()) as { error: { code: string } }).error.code, path).toBe(
        "resyncRequired",
      );
    }
  });

  it("gives a deltaLink without data for $deltatoken=latest", async () => {
    const graph = await createGraphHarness();
    const [user] = addGeneratedUsers(graph.tenant, 3);
    const latest = (await (
      await graph.call("/v1.0/users/delta?$deltatoken=latest")
    ).json()) as DeltaPage;
    expect(latest.value).toEqual([]);
    putObject(graph.tenant, "users", { ...(user as { id: string }), displayName: "Later" });
    const changes = await walk(graph, local(latest["@odata.deltaLink"] ?? ""));
    expect(changes.items.map((item) => item.id)).toEqual([user?.id]);
  });

  it("reports members who joined or left a group since the last round", async () => {
    const graph = await createGraphHarness();
    const [stays, leaves, joins] = addGeneratedUsers(graph.tenant, 3);
    const [group] = addObjects(graph.tenant, "groups", [{ displayName: "Sales" }]);
    const groupId = String(group?.id);
    setMembers(graph.ctx, graph.tenant, "groups", groupId, [String(stays?.id), String(leaves?.id)]);
    const { deltaLink } = await walk(
      graph,
      "/v1.0/groups/delta?$select=displayName&$expand=members",
    );
    setMembers(graph.ctx, graph.tenant, "groups", groupId, [String(stays?.id), String(joins?.id)]);
    const changes = await walk(graph, deltaLink);
    expect(changes.items).toEqual([
      {
        displayName: "Sales",
        id: groupId,
        "members@delta": [
          { "@odata.type": "#microsoft.graph.user", id: joins?.id },
          {
            "@odata.type": "#microsoft.graph.user",
            id: leaves?.id,
            "@removed": { reason: "deleted" },
          },
        ],
      },
    ]);
    expect(graph.tenant.groupMembers.get(groupId)).toEqual([stays?.id, joins?.id]);
  });
});
