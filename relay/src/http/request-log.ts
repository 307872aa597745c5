import { createMiddleware } from "hono/factory";
import type { AppEnv } from "./app-env";

/** One log line per request, tied to its request id; the URL path only (no query, no headers). */
export const requestLog = createMiddleware<AppEnv>(async (c, next) => {
  const startedAt = performance.now();
  await next();
  // Unset when the request was refused before authentication (bad origin, bad token).
  const principal = c.get("principal") as AppEnv["Variables"]["principal"] | undefined;
  c.get("deps").logger.info(
    {
      requestId: c.get("requestId"),
      method: c.req.method,
      path: c.req.path,
      status: c.res.status,
      durationMs: Math.round(performance.now() - startedAt),
      tokenId: principal?.tokenId,
    },
    "request",
  );
});
