import { describe, expect, it } from "vitest";
import type { CloudContext, RequestLogEntry } from "./context";
import { clearRequestLog, countRequests, queryRequestLog } from "./request-log";

const TENANT = "11111111-1111-4111-8111-111111111111";

function entry(fields: Partial<RequestLogEntry>): RequestLogEntry {
  return {
    atMs: 0,
    host: "graph.microsoft.com",
    method: "GET",
    path: "/v1.0/users",
    tenantId: TENANT,
    appId: null,
    status: 200,
    ...fields,
  };
}

/** Only the log is read, so the rest of the context is left out. */
function contextWith(entries: RequestLogEntry[]): CloudContext {
  return { requestLog: entries } as unknown as CloudContext;
}

describe("request log queries", () => {
  it("matches host, path and method whatever their case, and tenant and status exactly", () => {
    const ctx = contextWith([
      entry({ path: "/v1.0/Users" }),
      entry({ status: 429 }),
      entry({ host: "login.microsoftonline.com", path: `/${TENANT}/oauth2/v2.0/token` }),
      entry({ tenantId: null, status: 401 }),
    ]);
    const graphUsers = { host: "Graph.Microsoft.com", path: "/v1.0/users", method: "get" };
    expect(queryRequestLog(ctx, graphUsers)).toHaveLength(3);
    expect(queryRequestLog(ctx, { ...graphUsers, status: 429 })).toEqual([ctx.requestLog[1]]);
    expect(queryRequestLog(ctx, { ...graphUsers, tenantId: TENANT })).toHaveLength(2);
    expect(queryRequestLog(ctx)).toHaveLength(4);
  });

  it("counts per endpoint and tenant, with '-' for unauthenticated requests", () => {
    const counts = countRequests([entry({}), entry({}), entry({ tenantId: null, status: 401 })]);
    expect(counts).toEqual({ "GET /v1.0/users": { [TENANT]: 2, "-": 1 } });
  });

  it("forgets only the entries a clear query matches", () => {
    const login = entry({ host: "login.microsoftonline.com", path: "/common/discovery" });
    const ctx = contextWith([entry({}), login, entry({ status: 429 })]);
    clearRequestLog(ctx, { host: "graph.microsoft.com" });
    expect(ctx.requestLog).toEqual([login]);
    clearRequestLog(ctx);
    expect(ctx.requestLog).toEqual([]);
  });
});
