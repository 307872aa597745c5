import type { Context } from "hono";
import { Hono } from "hono";
import type { CloudContext } from "../context";
import {
  clearRequestLog,
  countRequests,
  queryRequestLog,
  type RequestLogQuery,
} from "../request-log";
import { AdminInputError } from "./input";

function statusParam(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  if (!/^[1-5]\d\d$/.test(value)) throw new AdminInputError("`status` must be an HTTP status");
  return Number(value);
}

function queryOf(c: Context): RequestLogQuery {
  return {
    host: c.req.query("host"),
    path: c.req.query("path"),
    tenantId: c.req.query("tenantId"),
    method: c.req.query("method"),
    status: statusParam(c.req.query("status")),
  };
}

/**
 * What the emulator served, for assertions (every host: login, Graph, admin), with the same
 * fields as `queryRequestLog`:
 * `GET /_emulator/requests?host&path&tenantId&method&status` answers the matching entries and
 * their counts per endpoint and tenant; `DELETE` with the same query forgets them (e.g.
 * `?host=graph.microsoft.com` for Graph's entries only).
 */
export function createRequestLogRoutes(ctx: CloudContext): Hono {
  const app = new Hono();
  app.get("/", (c) => {
    const requests = queryRequestLog(ctx, queryOf(c));
    return c.json({ count: requests.length, counts: countRequests(requests), requests });
  });
  app.delete("/", (c) => {
    clearRequestLog(ctx, queryOf(c));
    return c.body(null, 204);
  });
  return app;
}
