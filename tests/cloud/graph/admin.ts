import { Hono } from "hono";
import type { CloudContext } from "../context";
import { type GraphFaults, noFaults } from "./faults";

/** Changes the context's Graph faults (fields not given stay as they are). */
export function setFaults(ctx: CloudContext, faults: Partial<GraphFaults>): GraphFaults {
  ctx.graph.faults = { ...ctx.graph.faults, ...faults };
  return ctx.graph.faults;
}

export function clearFaults(ctx: CloudContext): void {
  ctx.graph.faults = noFaults();
}

/** Throttling is on by default; bulk tests and benchmarks switch it off (for one tenant or all). */
export function setThrottling(ctx: CloudContext, enabled: boolean, tenantId?: string): void {
  const state = ctx.graph.throttling;
  if (tenantId === undefined) {
    state.enabled = enabled;
    if (enabled) state.disabledTenants.clear();
    return;
  }
  if (enabled) state.disabledTenants.delete(tenantId);
  else state.disabledTenants.add(tenantId);
}

/** Forgets every bucket and window, as if no request had been made. */
export function resetThrottling(ctx: CloudContext): void {
  ctx.graph.throttling.buckets.clear();
  ctx.graph.throttling.windows.clear();
}

class AdminBadRequest extends Error {}

const FAULT_FIELDS: Record<keyof GraphFaults, (value: unknown) => boolean> = {
  latencyMs: (value) => typeof value === "number" && value >= 0 && value <= 120_000,
  jitterMs: (value) => typeof value === "number" && value >= 0 && value <= 120_000,
  serverErrorRate: (value) => typeof value === "number" && value >= 0 && value <= 1,
  serverErrorStatus: (value) => value === 500 || value === 502 || value === 503 || value === 504,
  connectionResetRate: (value) => typeof value === "number" && value >= 0 && value <= 1,
  throttleStorm: (value) =>
    value === null ||
    (typeof value === "object" &&
      typeof (value as { remaining?: unknown }).remaining === "number" &&
      typeof (value as { retryAfterSeconds?: unknown }).retryAfterSeconds === "number"),
  tenantId: (value) => value === null || typeof value === "string",
  pathContains: (value) => value === null || typeof value === "string",
};

function parseFaults(body: unknown): Partial<GraphFaults> {
  if (typeof body !== "object" || body === null)
    throw new AdminBadRequest("Expected a JSON object of fault settings.");
  const faults: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(body)) {
    const valid = FAULT_FIELDS[name as keyof GraphFaults];
    if (!valid) throw new AdminBadRequest(`Unknown fault setting '${name}'.`);
    if (!valid(value)) throw new AdminBadRequest(`Invalid value for fault setting '${name}'.`);
    faults[name] = value;
  }
  return faults as Partial<GraphFaults>;
}

/**
 * The Graph part of the emulator's admin API (mounted at `/_emulator/graph` on 127.0.0.1):
 * `GET|PUT|DELETE /faults`, `PUT /throttling {enabled, tenantId?}`, `DELETE /throttling/state`.
 * Graph's requests are read and cleared through the emulator-wide `/_emulator/requests`
 * (`?host=graph.microsoft.com`, tests/cloud/admin/requests.ts).
 */
export function createGraphAdminRoutes(ctx: CloudContext): Hono {
  const admin = new Hono();
  admin.get("/faults", (c) => c.json(ctx.graph.faults));
  admin.put("/faults", async (c) =>
    c.json(setFaults(ctx, parseFaults(await c.req.json().catch(() => null)))),
  );
  admin.delete("/faults", (c) => {
    clearFaults(ctx);
    return c.body(null, 204);
  });
  admin.put("/throttling", async (c) => {
    const body = (await c.req.json().catch(() => null)) as {
      enabled?: unknown;
      tenantId?: unknown;
    } | null;
    if (typeof body?.enabled !== "boolean")
      throw new AdminBadRequest('Expected {"enabled": true|false, "tenantId"?: string}.');
    if (body.tenantId !== undefined && typeof body.tenantId !== "string")
      throw new AdminBadRequest("tenantId must be a string.");
    setThrottling(ctx, body.enabled, body.tenantId);
    return c.json({
      enabled: ctx.graph.throttling.enabled,
      disabledTenants: [...ctx.graph.throttling.disabledTenants],
    });
  });
  admin.delete("/throttling/state", (c) => {
    resetThrottling(ctx);
    return c.body(null, 204);
  });
  admin.onError((error, c) => {
    if (error instanceof AdminBadRequest)
      return c.json({ error: { code: "BadRequest", message: error.message } }, 400);
    throw error;
  });
  return admin;
}
