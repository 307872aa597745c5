import { describe, expect, it } from "vitest";
import { createRequestLogRoutes } from "../admin/requests";
import { GRAPH_HOST } from "../hosts";
import { clearFaults, createGraphAdminRoutes, setFaults } from "./admin";
import { ConnectionResetSignal } from "./fault-middleware";
import { createGraphHarness } from "./test-support/graph-harness";

describe("fault injection", () => {
  it("forces a 429 storm of the given length, with the given Retry-After", async () => {
    const graph = await createGraphHarness();
    setFaults(graph.ctx, { throttleStorm: { remaining: 2, retryAfterSeconds: 3 } });
    const first = await graph.call("/v1.0/users");
    expect(first.status).toBe(429);
    expect(first.headers.get("Retry-After")).toBe("3");
    expect((await graph.call("/v1.0/users")).status).toBe(429);
    expect((await graph.call("/v1.0/users")).status).toBe(200);
  });

  it("answers the configured share of requests with 5xx, repeatably for a seed", async () => {
    const run = async () => {
      const graph = await createGraphHarness();
      setFaults(graph.ctx, { serverErrorRate: 0.5, serverErrorStatus: 503 });
      const statuses: number[] = [];
      for (let index = 0; index < 40; index++)
        statuses.push((await graph.call("/v1.0/organization")).status);
      return statuses;
    };
    const first = await run();
    expect(first.filter((status) => status === 503).length).toBeGreaterThan(8);
    expect(first.filter((status) => status === 200).length).toBeGreaterThan(8);
    expect(await run()).toEqual(first);
  });

  it("drops the connection on a reset (in-process the call rejects)", async () => {
    const graph = await createGraphHarness();
    setFaults(graph.ctx, { connectionResetRate: 1 });
    await expect(graph.call("/v1.0/users")).rejects.toBeInstanceOf(ConnectionResetSignal);
    clearFaults(graph.ctx);
    expect((await graph.call("/v1.0/users")).status).toBe(200);
  });

  it("limits faults to a tenant or a path", async () => {
    const graph = await createGraphHarness();
    setFaults(graph.ctx, { serverErrorRate: 1, pathContains: "/devices" });
    expect((await graph.call("/v1.0/users")).status).toBe(200);
    expect((await graph.call("/v1.0/devices")).status).toBe(503);
    setFaults(graph.ctx, { pathContains: null, tenantId: "someone-else" });
    expect((await graph.call("/v1.0/devices")).status).toBe(200);
  });

  it("is settable through the admin routes, which reject unknown or invalid settings", async () => {
    const graph = await createGraphHarness();
    const admin = createGraphAdminRoutes(graph.ctx);
    const put = (body: unknown) =>
      admin.request("/faults", {
        method: "PUT",
        headers: { "Content-Type": "application/json" },
        body: JSON.stringify(body),
      });
    expect((await put({ throttleStorm: { remaining: 1, retryAfterSeconds: 1 } })).status).toBe(200);
    expect((await graph.call("/v1.0/users")).status).toBe(429);
    expect((await put({ nonsense: 1 })).status).toBe(400);
    expect((await put({ serverErrorRate: 2 })).status).toBe(400);
    const requestLog = createRequestLogRoutes(graph.ctx);
    const query = new URLSearchParams({ host: GRAPH_HOST, path: "/v1.0/users" });
    const requests = (await (await requestLog.request(`/?${query}`)).json()) as {
      count: number;
      counts: Record<string, Record<string, number>>;
    };
    expect(requests.count).toBe(1);
    expect(requests.counts["GET /v1.0/users"]?.[graph.tenant.id]).toBe(1);
    expect((await admin.request("/faults", { method: "DELETE" })).status).toBe(204);
    expect(graph.ctx.graph.faults.throttleStorm).toBeNull();
  });
});
