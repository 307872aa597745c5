import type { CloudContext, RequestLogEntry } from "../context";
import { GRAPH_HOST } from "../hosts";
import { logRequest } from "../request-log";

export function logGraphRequest(
  ctx: CloudContext,
  entry: Omit<RequestLogEntry, "host" | "atMs">,
): void {
  logRequest(ctx, { atMs: ctx.state.clock.now(), host: GRAPH_HOST, ...entry });
}

export interface RequestQuery {
  /** Exact path, compared case-insensitively, e.g. `/v1.0/users`. */
  path?: string | undefined;
  method?: string | undefined;
  tenantId?: string | undefined;
  status?: number | undefined;
}

/** Graph requests in the log that match every given field. */
export function graphRequests(ctx: CloudContext, query: RequestQuery = {}): RequestLogEntry[] {
  const path = query.path?.toLowerCase();
  return ctx.requestLog.filter(
    (entry) =>
      entry.host === GRAPH_HOST &&
      (path === undefined || entry.path.toLowerCase() === path) &&
      (query.method === undefined || entry.method === query.method.toUpperCase()) &&
      (query.tenantId === undefined || entry.tenantId === query.tenantId) &&
      (query.status === undefined || entry.status === query.status),
  );
}

export function countGraphRequests(ctx: CloudContext, query: RequestQuery = {}): number {
  return graphRequests(ctx, query).length;
}

/** Request counts keyed `METHOD path` then tenant id (or `-` when unauthenticated). */
export function graphRequestCounts(ctx: CloudContext): Record<string, Record<string, number>> {
  const counts: Record<string, Record<string, number>> = {};
  for (const entry of graphRequests(ctx)) {
    const endpoint = `${entry.method} ${entry.path}`;
    const perTenant = counts[endpoint] ?? {};
    const tenant = entry.tenantId ?? "-";
    perTenant[tenant] = (perTenant[tenant] ?? 0) + 1;
    counts[endpoint] = perTenant;
  }
  return counts;
}

/** Forgets Graph entries (other hosts' entries stay). */
export function clearGraphRequests(ctx: CloudContext): void {
  const kept = ctx.requestLog.filter((entry) => entry.host !== GRAPH_HOST);
  ctx.requestLog.length = 0;
  ctx.requestLog.push(...kept);
}
