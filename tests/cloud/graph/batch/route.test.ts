import { describe, expect, it } from "vitest";
import { createGraphHarness } from "../test-support/graph-harness";
import { addGeneratedUsers } from "../test-support/tenant-builder";

type BatchResponse = {
  responses: { id: string; status: number; headers: Record<string, string>; body?: unknown }[];
};

async function postBatch(
  graph: Awaited<ReturnType<typeof createGraphHarness>>,
  requests: unknown[],
  token?: string,
) {
  return graph.call("/v1.0/$batch", {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify({ requests }),
    ...(token ? { token } : {}),
  });
}

describe("POST /$batch", () => {
  it("answers each request with its own status, headers and body, relative URLs with or without a slash", async () => {
    const graph = await createGraphHarness();
    const [user] = addGeneratedUsers(graph.tenant, 2);
    const response = await postBatch(graph, [
      { id: "1", method: "GET", url: `/users/${user?.id}?$select=displayName` },
      {
        id: "2",
        method: "GET",
        url: "users?$select=id,displayName&$count=true",
        headers: { ConsistencyLevel: "eventual" },
      },
      { id: "3", method: "GET", url: "/users/00000000-0000-0000-0000-000000000000" },
      { id: "4", method: "PATCH", url: "/organization" },
    ]);
    expect(response.status).toBe(200);
    const { responses } = (await response.json()) as BatchResponse;
    expect(responses.map((item) => [item.id, item.status])).toEqual([
      ["1", 200],
      ["2", 200],
      ["3", 404],
      ["4", 405],
    ]);
    expect(responses[0]?.body).toMatchObject({ displayName: user?.displayName, id: user?.id });
    expect(responses[1]?.body).toMatchObject({ "@odata.count": 2 });
    expect(responses[0]?.headers["x-ms-resource-unit"]).toBe("1");
  });

  it("gives 424 to the dependant of a failed request and runs the rest", async () => {
    const graph = await createGraphHarness();
    addGeneratedUsers(graph.tenant, 1);
    const response = await postBatch(graph, [
      { id: "1", method: "GET", url: "/users/does-not-exist" },
      { id: "2", method: "GET", url: "/users", dependsOn: ["1"] },
      { id: "3", method: "GET", url: "/users" },
    ]);
    const { responses } = (await response.json()) as BatchResponse;
    expect(responses.map((item) => item.status)).toEqual([404, 424, 200]);
    expect(responses[1]?.body).toMatchObject({ error: { code: "FailedDependency" } });
  });

  it("rejects 21 requests with 400 and runs none of them", async () => {
    const graph = await createGraphHarness();
    const requests = Array.from({ length: 21 }, (_, index) => ({
      id: String(index),
      method: "GET",
      url: "/users",
    }));
    const response = await postBatch(graph, requests);
    expect(response.status).toBe(400);
    expect(graph.ctx.requestLog.filter((entry) => entry.path === "/v1.0/users")).toHaveLength(0);
  });

  it("throttles items one by one: a throttled item gets 429 with its own Retry-After", async () => {
    const graph = await createGraphHarness();
    const requests = Array.from({ length: 7 }, (_, index) => ({
      id: String(index + 1),
      method: "GET",
      url: "/auditLogs/directoryAudits",
    }));
    const { responses } = (await (await postBatch(graph, requests)).json()) as BatchResponse;
    const throttled = responses.filter((item) => item.status === 429);
    expect(responses.filter((item) => item.status === 200)).toHaveLength(5);
    expect(throttled).toHaveLength(2);
    for (const item of throttled) {
      expect(Number(item.headers["Retry-After"])).toBeGreaterThan(0);
      expect(item.body).toMatchObject({ error: { code: "TooManyRequests" } });
    }
  });

  it("checks each item's permissions with the batch's token", async () => {
    const graph = await createGraphHarness();
    const token = await graph.token({ scopes: ["User.Read.All"] });
    const { responses } = (await (
      await postBatch(
        graph,
        [
          { id: "1", method: "GET", url: "/users" },
          { id: "2", method: "GET", url: "/devices" },
        ],
        token,
      )
    ).json()) as BatchResponse;
    expect(responses.map((item) => item.status)).toEqual([200, 403]);
  });

  it("answers a body that is not JSON with 400", async () => {
    const graph = await createGraphHarness();
    const response = await graph.call("/v1.0/$batch", { method: "POST", body: "{not json" });
    expect(response.status).toBe(400);
  });
});

describe("$batch and faults", () => {
  it("throttles the items of a batch during a 429 storm, not the batch itself", async () => {
    const graph = await createGraphHarness();
    const { setFaults } = await import("../admin");
    setFaults(graph.ctx, { throttleStorm: { remaining: 1, retryAfterSeconds: 2 } });
    const response = await postBatch(graph, [
      { id: "1", method: "GET", url: "/users" },
      { id: "2", method: "GET", url: "/users", dependsOn: ["1"] },
    ]);
    expect(response.status).toBe(200);
    const { responses } = (await response.json()) as BatchResponse;
    expect(responses.map((item) => item.status)).toEqual([429, 424]);
    expect(responses[0]?.headers["Retry-After"]).toBe("2");
  });

  it("refuses a batch inside a batch", async () => {
    const graph = await createGraphHarness();
    const { responses } = (await (
      await postBatch(graph, [{ id: "1", method: "POST", url: "/$batch", body: { requests: [] } }])
    ).json()) as BatchResponse;
    expect(responses[0]?.status).toBe(400);
  });
});
