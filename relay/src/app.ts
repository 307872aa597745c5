import { Hono } from "hono";
import { HTTPException } from "hono/http-exception";
import { requestId } from "hono/request-id";
import { timeout } from "hono/timeout";
import { authenticate } from "./auth/authenticate";
import { isDatabaseUnavailable, isForeignKeyViolation, isUniqueViolation } from "./db/errors";
import type { AppDeps, AppEnv } from "./http/app-env";
import { type ErrorBody, RelayHttpError } from "./http/errors";
import { originGuard } from "./http/origin-guard";
import { rateLimitPerToken } from "./http/rate-limit";
import { requestLog } from "./http/request-log";
import { auditRoutes } from "./routes/audit";
import { companyRoutes } from "./routes/companies";
import { credentialRoutes } from "./routes/credentials";
import { findingRoutes } from "./routes/findings";
import { healthRoutes } from "./routes/health";
import { mappingRoutes } from "./routes/mappings";
import { pushRoutes } from "./routes/pushes";
import { snapshotRoutes } from "./routes/snapshots";
import { tokenRoutes } from "./routes/tokens";

const STATUS_CODES: Record<number, string> = {
  400: "bad_request",
  401: "unauthenticated",
  403: "forbidden",
  404: "not_found",
  408: "request_timeout",
  413: "payload_too_large",
  415: "unsupported_media_type",
  429: "rate_limited",
  503: "unavailable",
  504: "timeout",
};

/**
 * The relay as one Hono app, used by the server and, in-process, by the tests. It holds no state
 * that matters between requests (per-instance rate-limit counters, a cache of immutable snapshot
 * responses, the intake processor's claims, which are leases in the database), so any number of
 * instances can serve one PostgreSQL database.
 */
export function createApp(deps: AppDeps): Hono<AppEnv> {
  const app = new Hono<AppEnv>();

  app.use("*", requestId(), async (c, next) => {
    c.set("deps", deps);
    await next();
  });
  app.use("*", requestLog);
  app.use("*", ...originGuard(deps.config.allowedOrigins));
  app.use(
    "*",
    timeout(
      deps.config.limits.requestTimeoutMs,
      () =>
        new RelayHttpError(503, "request_timeout", "The relay took too long to answer; try again"),
    ),
  );

  // Registered before the authentication middleware below, so health checks need no token.
  app.route("/v1/health", healthRoutes);

  app.use("/v1/*", authenticate, rateLimitPerToken(deps.config.limits.requestsPerMinutePerToken));
  app.route("/v1/companies", companyRoutes);
  app.route("/v1/companies/:companyId/snapshots", snapshotRoutes);
  app.route("/v1/companies/:companyId/pushes", pushRoutes);
  app.route("/v1/companies/:companyId/findings", findingRoutes);
  app.route("/v1/credentials", credentialRoutes);
  app.route("/v1/mappings", mappingRoutes);
  app.route("/v1/tokens", tokenRoutes);
  app.route("/v1/audit", auditRoutes);

  app.notFound((c) =>
    c.json<ErrorBody>({ error: { code: "not_found", message: "No such route" } }, 404),
  );

  app.onError((error, c) => {
    if (error instanceof RelayHttpError) {
      return c.json<ErrorBody>(
        { error: { code: error.code, message: error.message } },
        error.status,
        error.headers,
      );
    }
    if (error instanceof HTTPException) {
      const status = error.status;
      return c.json<ErrorBody>(
        {
          error: {
            code: STATUS_CODES[status] ?? "error",
            message: error.message || "Request failed",
          },
        },
        status,
      );
    }
    if (isDatabaseUnavailable(error)) {
      deps.logger.warn({ requestId: c.get("requestId"), err: error }, "database unavailable");
      return c.json<ErrorBody>(
        {
          error: {
            code: "database_unavailable",
            message: "The relay's database is unavailable right now; try again shortly",
          },
        },
        503,
        { "Retry-After": "5" },
      );
    }
    // Routes check what they reference first; a constraint can still fire when another request
    // changes the same objects in between (a company deleted during a push). That is a conflict
    // the client can retry, not a server fault.
    if (isForeignKeyViolation(error) || isUniqueViolation(error)) {
      return c.json<ErrorBody>(
        {
          error: {
            code: "concurrent_change",
            message: "Another request changed the same objects at the same time; reload and retry",
          },
        },
        409,
      );
    }
    deps.logger.error({ requestId: c.get("requestId"), err: error }, "unhandled error");
    return c.json<ErrorBody>(
      {
        error: {
          code: "internal_error",
          message: `Unexpected error (request ${c.get("requestId")})`,
        },
      },
      500,
    );
  });

  return app;
}
