import { type Context, Hono } from "hono";
import type { CloudContext } from "../context";
import { attributeRequest } from "../request-log";
import { resolveTenantSegment } from "./directory";
import { errors, IdentityError, newDiagnostics, tokenErrorBody } from "./errors";
import { redeemAuthorizationCode } from "./grants/authorization-code";
import { clientCredentials } from "./grants/client-credentials";
import { passwordGrant } from "./grants/password";
import { redeemRefreshToken } from "./grants/refresh-token";
import { type Form, type GrantHandler, required, type TokenRequest } from "./grants/token-request";

/**
 * `POST /{tenant}/oauth2/v2.0/token`: authorization codes (with PKCE), refresh tokens (rotation
 * and Microsoft's lifetimes), client credentials and ROPC, one file per grant under `grants/`.
 * The `Origin` header decides between the SPA and the other client types, as Entra ID does
 * (AADSTS9002326 / AADSTS9002327).
 */
const GRANTS: Record<string, GrantHandler> = {
  authorization_code: redeemAuthorizationCode,
  refresh_token: redeemRefreshToken,
  client_credentials: clientCredentials,
  password: passwordGrant,
};

/**
 * `client_secret_basic`: `Authorization: Basic base64(client_id:client_secret)`, both parts
 * form-encoded (RFC 6749 §2.3.1). A malformed header is ignored, as if absent.
 */
function basicCredentials(header: string | undefined): { id: string; secret: string } | undefined {
  if (!header?.toLowerCase().startsWith("basic ")) return undefined;
  const decoded = Buffer.from(header.slice(6), "base64").toString("utf8");
  const colon = decoded.indexOf(":");
  if (colon < 0) return undefined;
  try {
    return {
      id: decodeURIComponent(decoded.slice(0, colon)),
      secret: decodeURIComponent(decoded.slice(colon + 1)),
    };
  } catch {
    // Bad percent-encoding: treated as no Basic credentials, so the usual parameter errors apply.
    return undefined;
  }
}

/** CORS as the token endpoint answers browsers: any origin may call it (the SPA rules apply after). */
function corsHeaders(origin: string | undefined): Record<string, string> {
  if (!origin) return {};
  return { "Access-Control-Allow-Origin": origin, Vary: "Origin" };
}

async function readForm(c: Context): Promise<Form> {
  const type = c.req.header("content-type") ?? "";
  if (!type.toLowerCase().includes("application/x-www-form-urlencoded")) return {};
  const params = new URLSearchParams(await c.req.text());
  const form: Form = {};
  for (const [name, value] of params) form[name] = value;
  return form;
}

export function createTokenRoutes(ctx: CloudContext): Hono {
  const app = new Hono();

  app.options("/:tenant/oauth2/v2.0/token", (c) => {
    const origin = c.req.header("origin");
    return c.body(null, 204, {
      ...corsHeaders(origin),
      "Access-Control-Allow-Methods": "POST, OPTIONS",
      "Access-Control-Allow-Headers":
        c.req.header("access-control-request-headers") ?? "content-type",
      "Access-Control-Max-Age": "86400",
    });
  });

  // A browser opening the token URL (or a client using GET) gets Microsoft's AADSTS900561.
  app.get("/:tenant/oauth2/v2.0/token", (c) => {
    const body = tokenErrorBody(errors.onlyPost("GET"), newDiagnostics(ctx.state.clock.now()));
    return c.json(body, 400);
  });

  app.post("/:tenant/oauth2/v2.0/token", async (c) => {
    const origin = c.req.header("origin");
    const headers = { ...corsHeaders(origin), "Cache-Control": "no-store", Pragma: "no-cache" };
    const form = await readForm(c);
    try {
      const segment = resolveTenantSegment(ctx.state, c.req.param("tenant"));
      if (!segment) throw errors.tenantNotFound(c.req.param("tenant"));
      const grantType = required(form, "grant_type");
      const basic = basicCredentials(c.req.header("authorization"));
      const clientId = form.client_id ?? basic?.id;
      if (!clientId) throw errors.missingParameter("client_id");
      const registered = ctx.state.apps.get(clientId);
      if (!registered) {
        const directory =
          segment.kind === "tenant" ? segment.tenant.initialDomain : c.req.param("tenant");
        throw errors.appNotFound(clientId, directory);
      }
      attributeRequest(c.req.raw, {
        tenantId: segment.kind === "tenant" ? segment.tenant.id : null,
        appId: registered.appId,
      });
      const request: TokenRequest = {
        form,
        app: registered,
        segment,
        origin,
        clientSecret: form.client_secret ?? basic?.secret,
      };
      const handler = GRANTS[grantType];
      if (!handler) throw errors.unsupportedGrantType(grantType);
      return c.json(await handler(ctx, request), 200, headers);
    } catch (error) {
      if (!(error instanceof IdentityError)) throw error;
      const body = tokenErrorBody(
        error,
        newDiagnostics(ctx.state.clock.now(), c.req.header("client-request-id")),
      );
      return c.json(body, error.status as 400 | 401, headers);
    }
  });

  return app;
}
