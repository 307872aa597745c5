import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { addGeneratedUsers, createTestTenant } from "../cloud/graph/test-support/tenant-builder";
import { mintGraphToken } from "../cloud/graph/test-support/tokens";
import { createEmulatorFetch, type EmulatorFetch } from "../cloud/node-client";
import { type RunningCloud, startCloud } from "../cloud/server";

/**
 * Graph faults over the real HTTPS server, driven through the admin API on 127.0.0.1 as a
 * benchmark or another process would: a reset really drops the connection.
 */
let cloud: RunningCloud;
let emulatorFetch: EmulatorFetch;
let token: string;

beforeAll(async () => {
  cloud = await startCloud({ scenario: "empty" });
  const tenant = createTestTenant({ domain: "faults.onmicrosoft.com" });
  cloud.ctx.state.tenants.set(tenant.id, tenant);
  addGeneratedUsers(tenant, 3);
  token = await mintGraphToken(cloud.ctx, tenant, { scopes: ["User.Read.All"] });
  emulatorFetch = createEmulatorFetch({ port: cloud.port, caCertPem: cloud.caCertPem });
});

afterAll(async () => {
  await cloud?.close();
});

const admin = (path: string, init: RequestInit = {}) =>
  emulatorFetch(`https://127.0.0.1:${cloud.port}/_emulator/graph${path}`, {
    ...init,
    headers: { "Content-Type": "application/json" },
  });

const listUsers = () =>
  emulatorFetch("https://graph.microsoft.com/v1.0/users?$select=id", {
    headers: { Authorization: `Bearer ${token}` },
  });

describe("Graph faults over HTTPS", () => {
  it("drops the connection without an answer when a reset is injected", async () => {
    expect(
      (await admin("/faults", { method: "PUT", body: JSON.stringify({ connectionResetRate: 1 }) }))
        .status,
    ).toBe(200);
    await expect(listUsers()).rejects.toThrow();
    expect((await admin("/faults", { method: "DELETE" })).status).toBe(204);
    expect((await listUsers()).status).toBe(200);
  });

  it("resets an HTTP/2 request's stream the same way", async () => {
    const http2Fetch = createEmulatorFetch({
      port: cloud.port,
      caCertPem: cloud.caCertPem,
      http2: true,
    });
    await admin("/faults", { method: "PUT", body: JSON.stringify({ connectionResetRate: 1 }) });
    await expect(
      http2Fetch("https://graph.microsoft.com/v1.0/users?$select=id", {
        headers: { Authorization: `Bearer ${token}` },
      }),
    ).rejects.toThrow();
    await admin("/faults", { method: "DELETE" });
    const recovered = await http2Fetch("https://graph.microsoft.com/v1.0/users?$select=id", {
      headers: { Authorization: `Bearer ${token}` },
    });
    expect(recovered.status).toBe(200);
  });

  it("answers a forced 429 storm with Retry-After, then recovers", async () => {
    await admin("/faults", {
      method: "PUT",
      body: JSON.stringify({ throttleStorm: { remaining: 1, retryAfterSeconds: 2 } }),
    });
    const throttled = await listUsers();
    expect(throttled.status).toBe(429);
    expect(throttled.headers.get("retry-after")).toBe("2");
    expect((await listUsers()).status).toBe(200);
  });

  it("counts requests per endpoint and tenant in the admin API", async () => {
    const requests = (query: string, init: RequestInit = {}) =>
      emulatorFetch(`https://127.0.0.1:${cloud.port}/_emulator/requests?${query}`, init);
    await requests("host=graph.microsoft.com", { method: "DELETE" });
    await listUsers();
    await listUsers();
    const log = (await (await requests("host=graph.microsoft.com&path=/v1.0/users")).json()) as {
      count: number;
    };
    expect(log.count).toBe(2);
  });
});
