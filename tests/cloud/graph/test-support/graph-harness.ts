import { type CloudContext, createCloudContext } from "../../context";
import { createClock, type EmulatedTenant } from "../../tenants/model";
import { createGraphApp } from "../app";
import { createGraphRuntime } from "../runtime";
import { createTestTenant, type TestTenantOptions } from "./tenant-builder";
import { ALL_READ_SCOPES, mintGraphToken, type TestTokenOptions } from "./tokens";

export interface GraphHarness {
  ctx: CloudContext;
  tenant: EmulatedTenant;
  app: ReturnType<typeof createGraphApp>;
  /** A GET (or other method) with a bearer token for `tenant` holding every read scope. */
  call(path: string, init?: RequestInit & { token?: string }): Promise<Response>;
  token(options?: TestTokenOptions, tenant?: EmulatedTenant): Promise<string>;
}

let template: Promise<CloudContext> | undefined;

/**
 * A new, empty context per test, sharing one template's signing key: generating an RSA key
 * costs about a quarter of a second, which adds up over a hundred tests on two cores.
 */
async function freshContext(startMs: number): Promise<CloudContext> {
  template ??= createCloudContext({ scenario: "empty" });
  const base = await template;
  return {
    ...base,
    state: { tenants: new Map(), apps: new Map(base.state.apps), clock: createClock(startMs) },
    requestLog: [],
    graph: createGraphRuntime(base.seed),
  };
}

export const DEFAULT_TEST_START_MS = Date.parse("2026-11-20T12:00:00Z");

/**
 * An emulated cloud with one empty test tenant and the Graph app, for in-process tests. Pass
 * `shared` to add the tenant to an existing context (saves generating a signing key per test).
 */
export async function createGraphHarness(
  tenantOptions: TestTenantOptions = {},
  startMs = DEFAULT_TEST_START_MS,
  shared?: CloudContext,
): Promise<GraphHarness> {
  const ctx = shared ?? (await freshContext(startMs));
  ctx.state.clock.set(startMs);
  const tenant = createTestTenant(tenantOptions);
  ctx.state.tenants.set(tenant.id, tenant);
  const app = createGraphApp(ctx);
  const defaultToken = await mintGraphToken(ctx, tenant, { scopes: ALL_READ_SCOPES });
  return {
    ctx,
    tenant,
    app,
    token: (options = { scopes: ALL_READ_SCOPES }, forTenant = tenant) =>
      mintGraphToken(ctx, forTenant, options),
    call: (path, init = {}) => {
      const { token, ...rest } = init;
      const headers = new Headers(rest.headers);
      if (!headers.has("Authorization"))
        headers.set("Authorization", `Bearer ${token ?? defaultToken}`);
      return Promise.resolve(app.request(path, { ...rest, headers }));
    },
  };
}
