import {
  BatchRequestContent,
  BatchResponseContent,
  type Client,
  type PageCollection,
  PageIterator,
} from "@microsoft/microsoft-graph-client";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { setFaults } from "../cloud/graph/admin";
import { createSdkClient } from "../cloud/graph/test-support/sdk-client";
import { addGeneratedUsers, createTestTenant } from "../cloud/graph/test-support/tenant-builder";
import { mintGraphToken } from "../cloud/graph/test-support/tokens";
import { GRAPH_HOST } from "../cloud/hosts";
import { createEmulatorFetch } from "../cloud/node-client";
import { clearRequestLog, queryRequestLog } from "../cloud/request-log";
import { type RunningCloud, startCloud } from "../cloud/server";
import type { EmulatedTenant } from "../cloud/tenants/model";

/**
 * Acceptance A3: the unmodified @microsoft/microsoft-graph-client in Node, over HTTPS to the
 * emulator under graph.microsoft.com (transport: `createSdkClient`, test-support/sdk-client.ts).
 */
let cloud: RunningCloud;
let tenant: EmulatedTenant;
let client: Client;

beforeAll(async () => {
  cloud = await startCloud({ scenario: "empty" });
  tenant = createTestTenant({ domain: "sdk.onmicrosoft.com" });
  cloud.ctx.state.tenants.set(tenant.id, tenant);
  addGeneratedUsers(tenant, 10_000);
  const token = await mintGraphToken(cloud.ctx, tenant, { scopes: ["User.Read.All"] });
  const emulatorFetch = createEmulatorFetch({ port: cloud.port, caCertPem: cloud.caCertPem });
  client = createSdkClient(emulatorFetch, async () => token);
});

afterAll(async () => {
  await cloud?.close();
});

describe("Microsoft Graph JavaScript SDK against the emulator", () => {
  it("PageIterator walks 10,000 users at $top=999 in exactly 11 requests", async () => {
    clearRequestLog(cloud.ctx, { host: GRAPH_HOST });
    const ids = new Set<string>();
    const first = (await client
      .api("/users")
      .select(["id", "displayName"])
      .top(999)
      .get()) as PageCollection;
    const iterator = new PageIterator(client, first, (user: { id: string }) => {
      ids.add(user.id);
      return true;
    });
    await iterator.iterate();
    expect(ids.size).toBe(10_000);
    const pages = queryRequestLog(cloud.ctx, {
      host: GRAPH_HOST,
      path: "/v1.0/users",
      tenantId: tenant.id,
    });
    expect(pages).toHaveLength(11);
  });

  it("BatchRequestContent of 20 with one failing dependency yields 424 for its dependants", async () => {
    // The SDK accepts parallel, serial or same-dependency batches; this one is serial (each step
    // depends on the one before), and step 10 asks for a user who does not exist.
    const steps = Array.from({ length: 20 }, (_, index) => {
      const id = String(index + 1);
      const url =
        id === "10"
          ? "https://graph.microsoft.com/v1.0/users/00000000-0000-0000-0000-00000000dead"
          : "https://graph.microsoft.com/v1.0/users?$top=1&$select=id";
      return {
        id,
        request: new Request(url, { method: "GET" }),
        ...(index > 0 ? { dependsOn: [String(index)] } : {}),
      };
    });
    const batch = new BatchRequestContent(steps);
    const answer = new BatchResponseContent(
      await client.api("/$batch").post(await batch.getContent()),
    );
    const statuses = steps.map((step) => answer.getResponseById(step.id)?.status);
    expect(statuses).toEqual([...Array(9).fill(200), 404, ...Array(10).fill(424)]);
  });

  it("RetryHandler waits out a 429's Retry-After and then succeeds", async () => {
    clearRequestLog(cloud.ctx, { host: GRAPH_HOST });
    setFaults(cloud.ctx, { throttleStorm: { remaining: 1, retryAfterSeconds: 1 } });
    const page = (await client.api("/users").top(1).get()) as { value: { id: string }[] };
    expect(page.value).toHaveLength(1);
    const attempts = queryRequestLog(cloud.ctx, { host: GRAPH_HOST, path: "/v1.0/users" });
    expect(attempts.map((entry) => entry.status)).toEqual([429, 200]);
  });
});
