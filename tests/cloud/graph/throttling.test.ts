import { describe, expect, it } from "vitest";
import { setFaults } from "./admin";
import { createGraphHarness, type GraphHarness } from "./test-support/graph-harness";
import { addGeneratedUsers } from "./test-support/tenant-builder";
import { IDENTITY_LIMITS, REPORTS_LIMIT } from "./throttling/limits";

/** A client that honours Retry-After by waiting on the emulator's clock (no real sleeping). */
async function callHonouringRetryAfter(
  graph: GraphHarness,
  path: string,
): Promise<{ response: Response; retries: number }> {
  let retries = 0;
  for (;;) {
    const response = await graph.call(path);
    if (response.status !== 429) return { response, retries };
    const retryAfter = Number(response.headers.get("Retry-After"));
    expect(retryAfter).toBeGreaterThan(0);
    graph.ctx.state.clock.advance(retryAfter * 1000);
    retries++;
  }
}

describe("throttling", () => {
  it("throttles report requests beyond 5 per 10 seconds with the documented 429, and a client that waits completes", async () => {
    const graph = await createGraphHarness();
    const path = "/v1.0/auditLogs/directoryAudits";
    for (let index = 0; index < REPORTS_LIMIT.limit; index++)
      expect((await graph.call(path)).status).toBe(200);
    const throttled = await graph.call(path);
    expect(throttled.status).toBe(429);
    const retryAfter = Number(throttled.headers.get("Retry-After"));
    expect(retryAfter).toBeGreaterThan(0);
    expect(retryAfter).toBeLessThanOrEqual(REPORTS_LIMIT.windowSeconds);
    const body = (await throttled.json()) as {
      error: { code: string; message: string; innerError: Record<string, string> };
    };
    expect(body.error.code).toBe("TooManyRequests");
    expect(body.error.message).toBe("Please retry again later.");
    expect(Object.keys(body.error.innerError)).toEqual([
      "code",
      "date",
      "message",
      "request-id",
      "status",
    ]);
    expect(body.error.innerError.status).toBe("429");

    const { response, retries } = await callHonouringRetryAfter(graph, path);
    expect(response.status).toBe(200);
    expect(retries).toBe(1);
  });

  it("spends the identity resource-unit bucket per app and tenant by tenant size", async () => {
    const graph = await createGraphHarness();
    addGeneratedUsers(graph.tenant, 10); // size S
    const budget = IDENTITY_LIMITS.resourceUnitsPer10s.S; // 3,500 units per 10 s
    // GET /users costs 2 units: 1,750 requests fit, the next one does not.
    // Hold the emulator clock still so the bucket does not refill while the burst runs.
    let frozenAt = graph.ctx.state.clock.now();
    graph.ctx.state.clock = {
      now: () => frozenAt,
      advance: (ms) => {
        frozenAt += ms;
      },
      set: (epochMs) => {
        frozenAt = epochMs;
      },
    };
    let admitted = 0;
    for (; admitted < budget; admitted++) {
      const response = await graph.call("/v1.0/users?$top=20");
      if (response.status === 429) {
        expect(response.headers.get("x-ms-throttle-scope")).toMatch(
          /^Tenant_Application\/ReadWrite\//,
        );
        break;
      }
      expect(response.headers.get("x-ms-resource-unit")).toBe("2");
    }
    expect(admitted).toBe(budget / 2);
    // Another app in the same tenant has its own bucket.
    const otherApp = await graph.token({
      scopes: ["User.Read.All"],
      appId: "99999999-9999-4999-8999-999999999999",
    });
    expect((await graph.call("/v1.0/users", { token: otherApp })).status).toBe(200);
    const { response } = await callHonouringRetryAfter(graph, "/v1.0/users?$top=20");
    expect(response.status).toBe(200);
  });

  it("allows 4 concurrent secure score requests per app and tenant and throttles the fifth", async () => {
    const graph = await createGraphHarness();
    setFaults(graph.ctx, { latencyMs: 300, pathContains: "/security/" });
    const statuses = await Promise.all(
      Array.from({ length: 5 }, () =>
        graph.call("/v1.0/security/secureScores").then((response) => response.status),
      ),
    );
    expect(statuses.filter((status) => status === 200)).toHaveLength(4);
    expect(statuses.filter((status) => status === 429)).toHaveLength(1);
    // Once they finished, the slots are free again.
    expect((await graph.call("/v1.0/security/secureScores")).status).toBe(200);
  });

  it("can be switched off per tenant for bulk tests", async () => {
    const graph = await createGraphHarness();
    graph.ctx.graph.throttling.disabledTenants.add(graph.tenant.id);
    for (let index = 0; index < REPORTS_LIMIT.limit * 3; index++) {
      expect((await graph.call("/v1.0/auditLogs/directoryAudits")).status).toBe(200);
    }
  });
});
