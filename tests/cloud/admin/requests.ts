import { Hono } from "hono";
import type { CloudContext } from "../context";
import { queryRequestLog } from "../request-log";

/** `GET /_emulator/requests?host&path&tenantId&method`: what the emulator served, for assertions. */
export function createRequestLogRoutes(ctx: CloudContext): Hono {
  const app = new Hono();
  app.get("/", (c) => {
    const requests = queryRequestLog(ctx, {
      host: c.req.query("host"),
      path: c.req.query("path"),
      tenantId: c.req.query("tenantId"),
      method: c.req.query("method"),
    });
    return c.json({ count: requests.length, requests });
  });
  return app;
}
