import type { CloudContext, RequestLogEntry } from "./context";

/**
 * The request log every host writes to (`ctx.requestLog`), which tests and benchmarks query
 * through `GET /_emulator/requests`. Host apps attribute a request to a tenant and an app with
 * `attributeRequest`; otherwise the server derives what it can (Graph: the bearer token's claims).
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

export interface RequestLogFilter {
  host?: string | undefined;
  path?: string | undefined;
  tenantId?: string | undefined;
  method?: string | undefined;
  sinceMs?: number | undefined;
}

export function queryRequestLog(ctx: CloudContext, filter: RequestLogFilter): RequestLogEntry[] {
  return ctx.requestLog.filter(
    (entry) =>
      (filter.host === undefined || entry.host === filter.host) &&
      (filter.path === undefined || entry.path === filter.path) &&
      (filter.tenantId === undefined || entry.tenantId === filter.tenantId) &&
      (filter.method === undefined || entry.method === filter.method.toUpperCase()) &&
      (filter.sinceMs === undefined || entry.atMs >= filter.sinceMs),
  );
}
