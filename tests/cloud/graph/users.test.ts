import { beforeEach, describe, expect, it } from "vitest";
import { GRAPH_HOST } from "../hosts";
import { queryRequestLog } from "../request-log";
import { setThrottling } from "./admin";
import { WWW_AUTHENTICATE } from "./auth";
import { createGraphHarness, type GraphHarness } from "./test-support/graph-harness";
import { addGeneratedUsers, createTestTenant } from "./test-support/tenant-builder";

type Page = {
  "@odata.nextLink"?: string;
  "@odata.count"?: number;
  "@odata.context": string;
  value: Record<string, unknown>[];
};

const local = (link: string) => link.replace("https://graph.microsoft.com", "");

describe("GET /users", () => {
  let graph: GraphHarness;
  beforeEach(async () => {
    graph = await createGraphHarness();
  });

  it("pages 10,000 users at $top=999 in 11 requests, keeping $select across nextLinks", async () => {
    addGeneratedUsers(graph.tenant, 10_000);
    setThrottling(graph.ctx, false);
    const seen = new Set<string>();
    let next: string | undefined = "/v1.0/users?$top=999&$select=id,displayName";
    while (next) {
      const response = await graph.call(next);
      expect(response.status).toBe(200);
      const page = (await response.json()) as Page;
      for (const user of page.value) {
        expect(Object.keys(user)).toEqual(["id", "displayName"]);
        seen.add(String(user.id));
      }
      next = page["@odata.nextLink"] ? local(page["@odata.nextLink"]) : undefined;
    }
    expect(seen.size).toBe(10_000);
    expect(queryRequestLog(graph.ctx, { host: GRAPH_HOST, path: "/v1.0/users" })).toHaveLength(11);
  });

  it("returns the documented default properties without $select", async () => {
    addGeneratedUsers(graph.tenant, 1);
    const page = (await (await graph.call("/v1.0/users")).json()) as Page;
    expect(page["@odata.context"]).toBe("https://graph.microsoft.com/v1.0/$metadata#users");
    expect(Object.keys(page.value[0] ?? {})).toEqual([
      "businessPhones",
      "displayName",
      "givenName",
      "jobTitle",
      "mail",
      "mobilePhone",
      "officeLocation",
      "preferredLanguage",
      "surname",
      "userPrincipalName",
      "id",
    ]);
  });

  it("keeps the original $filter and $top inside the skiptoken even if the client drops them", async () => {
    addGeneratedUsers(graph.tenant, 50);
    const first = (await (
      await graph.call("/v1.0/users?$filter=userType eq 'Guest'&$top=3")
    ).json()) as Page;
    const token = new URL(first["@odata.nextLink"] ?? "").searchParams.get("$skiptoken");
    const second = (await (await graph.call(`/v1.0/users?$skiptoken=${token}`)).json()) as Page;
    expect(second.value).toHaveLength(3);
    const guests = [...graph.tenant.collections.users.values()].filter(
      (user) => user.userType === "Guest",
    );
    expect(second.value.map((user) => user.id)).toEqual(guests.slice(3, 6).map((user) => user.id));
  });

  it("counts with $count=true and ConsistencyLevel: eventual, on the first page only", async () => {
    addGeneratedUsers(graph.tenant, 30);
    const headers = { ConsistencyLevel: "eventual" };
    const first = (await (
      await graph.call("/v1.0/users?$count=true&$top=10&$filter=accountEnabled eq false", {
        headers,
      })
    ).json()) as Page;
    expect(first["@odata.count"]).toBe(3);
    const all = (await (
      await graph.call("/v1.0/users?$count=true&$top=10", { headers })
    ).json()) as Page;
    expect(all["@odata.count"]).toBe(30);
    const second = (await (await graph.call(local(all["@odata.nextLink"] ?? ""))).json()) as Page;
    expect(second["@odata.count"]).toBeUndefined();
  });

  it("refuses $count without ConsistencyLevel: eventual", async () => {
    const response = await graph.call("/v1.0/users?$count=true");
    expect(response.status).toBe(400);
    expect(((await response.json()) as { error: { message: string } }).error.message).toBe(
      "$count is not currently supported.",
    );
  });

  it("sorts by $orderby=displayName desc", async () => {
    addGeneratedUsers(graph.tenant, 5);
    const page = (await (
      await graph.call("/v1.0/users?$orderby=displayName desc&$select=displayName")
    ).json()) as Page;
    expect(page.value.map((user) => user.displayName)).toEqual([
      "user 000004",
      "user 000003",
      "user 000002",
      "user 000001",
      "user 000000",
    ]);
  });

  it("finds one user by id or userPrincipalName, and answers 404 for an unknown one", async () => {
    const [user] = addGeneratedUsers(graph.tenant, 2);
    const byUpn = (await (
      await graph.call(`/v1.0/users/${String(user?.userPrincipalName)}?$select=displayName`)
    ).json()) as Record<string, unknown>;
    expect(byUpn).toEqual({
      "@odata.context": "https://graph.microsoft.com/v1.0/$metadata#users(displayName)/$entity",
      displayName: user?.displayName,
      id: user?.id,
    });
    const missing = await graph.call("/v1.0/users/00000000-0000-0000-0000-00000000dead");
    expect(missing.status).toBe(404);
    expect(((await missing.json()) as { error: { code: string } }).error.code).toBe(
      "Request_ResourceNotFound",
    );
  });

  it("answers paths case-insensitively", async () => {
    addGeneratedUsers(graph.tenant, 1);
    expect((await graph.call("/v1.0/USERS?$select=id")).status).toBe(200);
  });

  it("never shows another tenant's users to a token for this tenant", async () => {
    addGeneratedUsers(graph.tenant, 3, "home");
    const other = createTestTenant({ domain: "fabrikam.onmicrosoft.com" });
    graph.ctx.state.tenants.set(other.id, other);
    addGeneratedUsers(other, 2, "away");
    const token = await graph.token(undefined, other);
    const page = (await (
      await graph.call("/v1.0/users?$select=displayName", { token })
    ).json()) as Page;
    expect(page.value.map((user) => user.displayName)).toEqual(["away 000000", "away 000001"]);
  });
});

describe("authentication", () => {
  it("answers a missing, expired, forged or foreign token with 401 InvalidAuthenticationToken and the challenge", async () => {
    const graph = await createGraphHarness();
    const expired = await graph.token({ scopes: ["User.Read.All"], lifetimeSeconds: 60 });
    graph.ctx.state.clock.advance(61_000);
    const unknownTenant = await graph.token(undefined, createTestTenant());
    const forged = `${expired.split(".").slice(0, 2).join(".")}.c2lnbmF0dXJl`;
    const cases: [string, Record<string, string>][] = [
      ["missing", {}],
      ["not a JWT", { Authorization: "Bearer nonsense" }],
      ["expired", { Authorization: `Bearer ${expired}` }],
      ["forged", { Authorization: `Bearer ${forged}` }],
      ["unknown tenant", { Authorization: `Bearer ${unknownTenant}` }],
    ];
    for (const [name, headers] of cases) {
      const response = await graph.app.request("/v1.0/users", { headers });
      expect(response.status, name).toBe(401);
      expect(response.headers.get("WWW-Authenticate"), name).toBe(WWW_AUTHENTICATE);
      const body = (await response.json()) as {
        error: { code: string; innerError: Record<string, string> };
      };
      expect(body.error.code, name).toBe("InvalidAuthenticationToken");
      expect(Object.keys(body.error.innerError), name).toEqual([
        "date",
        "request-id",
        "client-request-id",
      ]);
      expect(response.headers.get("request-id"), name).toBe(body.error.innerError["request-id"]);
    }
  });

  it("echoes the client's client-request-id", async () => {
    const graph = await createGraphHarness();
    const response = await graph.call("/v1.0/users", {
      headers: { "client-request-id": "abc-123" },
    });
    expect(response.headers.get("client-request-id")).toBe("abc-123");
    expect(response.headers.get("request-id")).toMatch(/^[0-9a-f-]{36}$/);
  });
});

describe("unknown requests", () => {
  it("answers an unknown segment with 400 and a write to a read-only resource with 405", async () => {
    const graph = await createGraphHarness();
    const unknown = await graph.call("/v1.0/users/x/shoeSizes");
    expect(unknown.status).toBe(400);
    expect(((await unknown.json()) as { error: { message: string } }).error.message).toBe(
      "Resource not found for the segment 'shoeSizes'.",
    );
    const write = await graph.call("/v1.0/users", { method: "PATCH", body: "{}" });
    expect(write.status).toBe(405);
    expect(((await write.json()) as { error: { code: string } }).error.code).toBe(
      "Request_BadRequest",
    );
    const version = await graph.call("/v3.0/users");
    expect(version.status).toBe(400);
  });

  it("serves the same resources under /beta", async () => {
    const graph = await createGraphHarness();
    addGeneratedUsers(graph.tenant, 1);
    const page = (await (await graph.call("/beta/users?$select=id")).json()) as Page;
    expect(page["@odata.context"]).toBe("https://graph.microsoft.com/beta/$metadata#users(id)");
    expect(page.value).toHaveLength(1);
  });
});

describe("$count segments", () => {
  it("answers /users/$count and /groups/{id}/members/$count as plain text with ConsistencyLevel: eventual", async () => {
    const graph = await createGraphHarness();
    const users = addGeneratedUsers(graph.tenant, 30);
    const headers = { ConsistencyLevel: "eventual" };
    const all = await graph.call("/v1.0/users/$count", { headers });
    expect(all.headers.get("Content-Type")).toContain("text/plain");
    expect(await all.text()).toBe("30");
    expect(
      await (
        await graph.call("/v1.0/users/$count?$filter=accountEnabled eq false", { headers })
      ).text(),
    ).toBe("3");
    const { addObjects } = await import("./test-support/tenant-builder");
    const [group] = addObjects(graph.tenant, "groups", [{ displayName: "g" }]);
    graph.tenant.groupMembers.set(
      String(group?.id),
      users.slice(0, 4).map((user) => user.id),
    );
    expect(
      await (await graph.call(`/v1.0/groups/${group?.id}/members/$count`, { headers })).text(),
    ).toBe("4");
  });

  it("refuses $count without ConsistencyLevel: eventual", async () => {
    const graph = await createGraphHarness();
    const response = await graph.call("/v1.0/users/$count");
    expect(response.status).toBe(400);
    expect(((await response.json()) as { error: { message: string } }).error.message).toBe(
      "$count is not currently supported.",
    );
  });
});

describe("CORS", () => {
  it("answers a browser preflight without a token and exposes Retry-After and the request ids", async () => {
    const graph = await createGraphHarness();
    const preflight = await graph.app.request("/v1.0/users", {
      method: "OPTIONS",
      headers: {
        Origin: "https://tenantlens.test",
        "Access-Control-Request-Method": "GET",
        "Access-Control-Request-Headers": "authorization,consistencylevel",
      },
    });
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get("Access-Control-Allow-Origin")).toBe("*");
    expect(preflight.headers.get("Access-Control-Allow-Headers")?.toLowerCase()).toContain(
      "consistencylevel",
    );
    const response = await graph.call("/v1.0/users", {
      headers: { Origin: "https://tenantlens.test" },
    });
    expect(response.headers.get("Access-Control-Expose-Headers")).toContain("Retry-After");
  });
});

describe("$search", () => {
  it("matches words of a property with ConsistencyLevel: eventual", async () => {
    const graph = await createGraphHarness();
    const { addObjects } = await import("./test-support/tenant-builder");
    addObjects(graph.tenant, "users", [
      { displayName: "Conf Room Adams" },
      { displayName: "Adele Vance" },
      { displayName: "Room Service" },
    ]);
    const page = (await (
      await graph.call('/v1.0/users?$search="displayName:room"&$select=displayName', {
        headers: { ConsistencyLevel: "eventual" },
      })
    ).json()) as Page;
    expect(page.value.map((user) => user.displayName)).toEqual(["Conf Room Adams", "Room Service"]);
    const either = (await (
      await graph.call(
        '/v1.0/users?$search="displayName:adele" OR "displayName:service"&$select=displayName',
        {
          headers: { ConsistencyLevel: "eventual" },
        },
      )
    ).json()) as Page;
    expect(either.value.map((user) => user.displayName)).toEqual(["Adele Vance", "Room Service"]);
  });
});
