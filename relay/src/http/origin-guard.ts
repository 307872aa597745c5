import { cors } from "hono/cors";
import { createMiddleware } from "hono/factory";
import type { AppEnv } from "./app-env";
import { RelayHttpError } from "./errors";

/**
 * Browsers may call the relay only from the configured extension origins. A request carrying any
 * other Origin is refused outright (not merely left without CORS headers), so a web page cannot
 * even trigger side effects with a simple request. Clients without an Origin (CLI, scripts) pass.
 */
export function originGuard(allowedOrigins: readonly string[]) {
  const allowed = new Set(allowedOrigins);
  const guard = createMiddleware<AppEnv>(async (c, next) => {
    const origin = c.req.header("origin");
    if (origin !== undefined && !allowed.has(origin)) {
      throw new RelayHttpError(
        403,
        "origin_not_allowed",
        `Origin ${origin} may not call this relay`,
      );
    }
    await next();
  });
  const corsHeaders = cors({
    origin: (origin) => (allowed.has(origin) ? origin : null),
    allowMethods: ["GET", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"],
    // What the extension's relay client sends and reads: asynchronous pushes (`Prefer`, answered
    // with `Location` and `Preference-Applied`) and conditional reads (`If-None-Match`, `ETag`).
    allowHeaders: [
      "Authorization",
      "Content-Type",
      "Content-Encoding",
      "X-Request-Id",
      "Prefer",
      "If-None-Match",
    ],
    exposeHeaders: [
      "X-Request-Id",
      "Retry-After",
      "Content-Disposition",
      "Location",
      "ETag",
      "Preference-Applied",
    ],
    maxAge: 600,
  });
  return [guard, corsHeaders] as const;
}
