import { randomUUID } from "node:crypto";
import { Hono } from "hono";
import type { CloudContext } from "../context";
import { attributeRequest } from "../request-log";
import { resolveTenantSegment } from "./directory";
import { createDiscoveryRoutes } from "./discovery";
import { createSignInRoutes } from "./sign-in";
import { createTokenRoutes } from "./token-endpoint";

/** login.microsoftonline.com: the Microsoft identity platform's v2.0 endpoints. */
export function createIdentityApp(ctx: CloudContext): Hono {
  const app = new Hono();

  app.use(async (c, next) => {
    const segment = resolveTenantSegment(
      ctx.state,
      new URL(c.req.url).pathname.split("/")[1] ?? "",
    );
    attributeRequest(c.req.raw, {
      tenantId: segment?.kind === "tenant" ? segment.tenant.id : null,
      appId: c.req.query("client_id") ?? null,
    });
    await next();
    // Every ESTS answer names its request (MSAL records it for diagnostics).
    c.header("x-ms-request-id", randomUUID());
  });

  app.route("/", createDiscoveryRoutes(ctx));
  app.route("/", createTokenRoutes(ctx));
  app.route("/", createSignInRoutes(ctx));

  // A bug must still answer like Microsoft's front door: a page naming the failure, not a bare 500.
  app.onError((error, c) => {
    console.error("cloud emulator: identity platform error", error);
    return c.html(
      `<!DOCTYPE html><html><body><h1 id="errorTitle">server_error</h1><pre id="errorDetails">${String(error).replace(/[<&]/g, "")}</pre></body></html>`,
      500,
    );
  });

  app.notFound((c) =>
    c.html("<!DOCTYPE html><html><body><h1>404 - Not Found</h1></body></html>", 404),
  );
  return app;
}
