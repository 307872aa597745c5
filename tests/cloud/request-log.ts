import type { CloudContext, RequestLogEntry } from "./context";

/**
 * The request log every host writes to (`ctx.requestLog`), which tests and benchmarks query
 * in-process with `queryRequestLog` or over HTTPS through `GET /_emulator/requests` (the same
 * query). Host apps attribute a request to a tenant and an app with `attributeRequest`; otherwise
 * the server derives what it can (Graph: the bearer token's claims).
 */
export interface RequestAttribution {
  tenantId?: string | null;
  appId?: string | null;
}

const attributions = new WeakMap<Request, RequestAttribution>();

export function attributeRequest(request: Request, attribution: RequestAttribution): void {
  attributions.set(request, { ...attributions.get(request), ...attribution });
}

export function attributionOf(request: Request): RequestAttribution {
  return attributions.get(request) ?? {};
}

/** Reads `tid` and `appid` from a bearer token without verifying it: for attribution only. */
export function attributionFromBearer(authorization: string | null): RequestAttribution {
  const token = authorization?.match(/^Bearer\s+(\S+)$/i)?.[1];
  const payload = token?.split(".")[1];
  if (!payload) return {};
  try {
    const claims = JSON.parse(Buffer.from(payload, "base64url").toString("utf8")) as Record<
      string,
      unknown
    >;
    return {
      tenantId: typeof claims.tid === "string" ? claims.tid : null,
      appId: typeof claims.appid === "string" ? claims.appid : null,
    };
  } catch {
    // Not a JWT: Graph answers 401 for it; the log just cannot name a tenant.
    return {};
  }
}

export function logRequest(ctx: CloudContext, entry: RequestLogEntry): void {
  ctx.requestLog.push(entry);
}

/** Fields an entry must match; a field left out matches everything. */
export interface RequestLogQuery {
  /** e.g. `graph.microsoft.com`, compared case-insensitively. */
  host?: string | undefined;
  /**
   * Exact path without the query, e.g. `/v1.0/users`, compared case-insensitively because
   * Microsoft's hosts treat `/v1.0/Users` and `/v1.0/users` alike.
   */
  path?: string | undefined;
  method?: string | undefined;
  tenantId?: string | undefined;
  status?: number | undefined;
}

function matcher(query: RequestLogQuery): (entry: RequestLogEntry) => boolean {
  const host = query.host?.toLowerCase();
  const path = query.path?.toLowerCase();
  const method = query.method?.toUpperCase();
  return (entry) =>
    (host === undefined || entry.host === host) &&
    (path === undefined || entry.path.toLowerCase() === path) &&
    (method === undefined || entry.method === method) &&
    (query.tenantId === undefined || entry.tenantId === query.tenantId) &&
    (query.status === undefined || entry.status === query.status);
}

/** The logged requests that match every given field, oldest first. */
export function queryRequestLog(ctx: CloudContext, query: RequestLogQuery = {}): RequestLogEntry[] {
  return ctx.requestLog.filter(matcher(query));
}

/** Request counts keyed `METHOD path` then tenant id (or `-` when unauthenticated). */
export function countRequests(
  entries: readonly RequestLogEntry[],
): Record<string, Record<string, number>> {
  const counts: Record<string, Record<string, number>> = {};
  for (const entry of entries) {
    const endpoint = `${entry.method} ${entry.path}`;
    const perTenant = counts[endpoint] ?? {};
    const tenant = entry.tenantId ?? "-";
    perTenant[tenant] = (perTenant[tenant] ?? 0) + 1;
    counts[endpoint] = perTenant;
  }
  return counts;
}

/** Forgets the entries that match (all of them for an empty query); the others stay. */
export function clearRequestLog(ctx: CloudContext, query: RequestLogQuery = {}): void {
  const matches = matcher(query);
  const kept = ctx.requestLog.filter((entry) => !matches(entry));
  ctx.requestLog.length = 0;
  ctx.requestLog.push(...kept);
}
