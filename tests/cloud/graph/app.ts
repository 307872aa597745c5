import { randomUUID } from "node:crypto";
import { Hono } from "hono";
import { cors } from "hono/cors";
import type { CloudContext } from "../context";
import { GRAPH_HOST } from "../hosts";
import { logRequest } from "../request-log";
import { authenticate, type GraphCaller } from "./auth";
import { type Dispatch, registerBatchRoute } from "./batch/route";
import { canonicalGraphPath, isKnownSegment } from "./canonical-path";
import { GraphError, graphErrorBody, methodNotAllowed, unknownSegment } from "./errors";
import { ConnectionResetSignal, faultMiddleware } from "./fault-middleware";
import type { GraphEnv } from "./hono-env";
import { registerConditionalAccessRoutes } from "./routes/conditional-access";
import { registerCountRoutes } from "./routes/count";
import { registerDeviceRoutes } from "./routes/devices";
import { registerDirectoryRoutes } from "./routes/directory";
import { registerDirectoryRoleRoutes } from "./routes/directory-roles";
import { registerGroupRoutes } from "./routes/groups";
import { registerOrganizationRoutes } from "./routes/organization";
import { registerPermissionGrantRoutes } from "./routes/permission-grants";
import { registerPolicyRoutes } from "./routes/policies";
import { registerReportRoutes } from "./routes/reports";
import { registerRoleManagementRoutes } from "./routes/role-management";
import { registerSecurityRoutes } from "./routes/security";
import { registerServicePrincipalRoutes } from "./routes/service-principals";
import { registerTenantRelationshipRoutes } from "./routes/tenant-relationships";
import { registerUserRoutes } from "./routes/users";

export const GRAPH_VERSIONS = ["v1.0", "beta"] as const;

/**
 * Microsoft Graph (graph.microsoft.com) for one emulated cloud. The server mounts it for the Graph
 * host; tests call it in-process with `app.request()`.
 */
export function createGraphApp(ctx: CloudContext): Hono<GraphEnv> {
  const app = new Hono<GraphEnv>({ getPath: canonicalGraphPath });

  // Graph serves single-page apps from any origin: bearer tokens, no cookies, so "*" will do;
  // Retry-After and the request ids are exposed so browser code can read them.
  app.use(
    "*",
    cors({
      origin: "*",
      allowMethods: ["GET", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"],
      exposeHeaders: [
        "request-id",
        "client-request-id",
        "Retry-After",
        "Location",
        "x-ms-resource-unit",
        "x-ms-throttle-limit-percentage",
        "x-ms-throttle-scope",
        "x-ms-throttle-information",
      ],
      maxAge: 3600,
    }),
  );

  app.use("*", async (c, next) => {
    const requestId = randomUUID();
    // Graph echoes the client's client-request-id, or uses its own request id.
    const clientRequestId = c.req.header("client-request-id") ?? requestId;
    c.set("requestId", requestId);
    c.set("clientRequestId", clientRequestId);
    c.set("faultDelayMs", 0);
    await next();
    c.header("request-id", requestId);
    c.header("client-request-id", clientRequestId);
    c.header("Cache-Control", "no-cache");
    // Unset when authentication failed.
    const caller = c.get("caller") as GraphCaller | undefined;
    logRequest(ctx, {
      atMs: ctx.state.clock.now(),
      host: GRAPH_HOST,
      method: c.req.method,
      path: c.req.path,
      tenantId: caller?.tenant.id ?? null,
      appId: caller?.appId ?? null,
      status: c.res.status,
    });
  });

  // Batch items go through the whole app again, marked so faults and logs can tell them apart.
  const dispatch = (request: Request) => Promise.resolve(app.fetch(request, { batchItem: true }));
  for (const version of GRAPH_VERSIONS)
    app.route(`/${version}`, createGraphApi(ctx, version, dispatch));

  app.notFound((c) => {
    const segments = c.req.path.split("/").filter(Boolean);
    const [version, resource] = segments;
    if (version === undefined || !(GRAPH_VERSIONS as readonly string[]).includes(version)) {
      return renderError(
        c,
        ctx,
        new GraphError(400, "BadRequest", `Invalid version: ${version ?? ""}`),
      );
    }
    // A write to a resource the emulator serves read-only, or an action it does not implement:
    // Graph's 405 (samples/batch-response.json item 4). Otherwise the unknown segment.
    if (c.req.method !== "GET" && resource !== undefined && isKnownSegment(resource)) {
      return renderError(c, ctx, methodNotAllowed());
    }
    return renderError(c, ctx, unknownSegment(segments.at(-1) ?? resource ?? ""));
  });

  app.onError((error, c) => {
    if (error instanceof ConnectionResetSignal) {
      // Nothing reaches the client: the socket is gone, or (in-process) the call rejects.
      if (error.destroyed) return c.body(null, 500);
      throw error;
    }
    if (error instanceof GraphError) return renderError(c, ctx, error);
    console.error("graph emulator: unexpected error", error);
    return renderError(
      c,
      ctx,
      new GraphError(
        500,
        "InternalServerError",
        "There was an internal server error while processing the request.",
      ),
    );
  });

  return app;
}

function createGraphApi(ctx: CloudContext, version: string, dispatch: Dispatch): Hono<GraphEnv> {
  const api = new Hono<GraphEnv>();
  api.use("*", async (c, next) => {
    c.set("version", version);
    c.set("caller", await authenticate(ctx, c.req.header("Authorization")));
    await next();
  });
  api.use("*", faultMiddleware(ctx));
  registerCountRoutes(api, ctx);
  registerUserRoutes(api, ctx);
  registerGroupRoutes(api, ctx);
  registerDeviceRoutes(api, ctx);
  registerDirectoryRoleRoutes(api, ctx);
  registerRoleManagementRoutes(api, ctx);
  registerReportRoutes(api, ctx);
  registerSecurityRoutes(api, ctx);
  registerServicePrincipalRoutes(api, ctx);
  registerPermissionGrantRoutes(api, ctx);
  registerOrganizationRoutes(api, ctx);
  registerPolicyRoutes(api, ctx);
  registerTenantRelationshipRoutes(api, ctx);
  registerDirectoryRoutes(api, ctx);
  registerConditionalAccessRoutes(api, ctx);
  registerBatchRoute(api, ctx, dispatch);
  return api;
}

export function renderError(
  c: import("hono").Context<GraphEnv>,
  ctx: CloudContext,
  error: GraphError,
): Response {
  const ids = { requestId: c.get("requestId"), clientRequestId: c.get("clientRequestId") };
  const body = graphErrorBody(error, ids, ctx.state.clock.now());
  return c.body(JSON.stringify(body), error.status as 400, {
    ...error.headers,
    "Content-Type": "application/json",
  });
}
