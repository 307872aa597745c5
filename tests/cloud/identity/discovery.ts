import { Hono } from "hono";
import type { CloudContext } from "../context";
import { LOGIN_ORIGIN } from "../hosts";
import { resolveTenantSegment } from "./directory";
import { errors, newDiagnostics, tokenErrorBody } from "./errors";

/**
 * Metadata MSAL fetches before signing in: instance discovery, the OpenID Connect configuration
 * (openid-configuration.json holds the members Microsoft publishes; the rest are those of a live
 * tenant document), and the signing keys. All are public and readable cross-origin.
 */
const PUBLIC_CORS = { "Access-Control-Allow-Origin": "*" };

export function openIdConfiguration(
  tenantPath: string,
  issuerTenant: string,
): Record<string, unknown> {
  return {
    token_endpoint: `${LOGIN_ORIGIN}/${tenantPath}/oauth2/v2.0/token`,
    token_endpoint_auth_methods_supported: [
      "client_secret_post",
      "private_key_jwt",
      "client_secret_basic",
    ],
    jwks_uri: `${LOGIN_ORIGIN}/${tenantPath}/discovery/v2.0/keys`,
    response_modes_supported: ["query", "fragment", "form_post"],
    subject_types_supported: ["pairwise"],
    id_token_signing_alg_values_supported: ["RS256"],
    response_types_supported: ["code", "id_token", "code id_token", "id_token token"],
    scopes_supported: ["openid", "profile", "email", "offline_access"],
    issuer: `${LOGIN_ORIGIN}/${issuerTenant}/v2.0`,
    request_uri_parameter_supported: false,
    userinfo_endpoint: "https://graph.microsoft.com/oidc/userinfo",
    authorization_endpoint: `${LOGIN_ORIGIN}/${tenantPath}/oauth2/v2.0/authorize`,
    device_authorization_endpoint: `${LOGIN_ORIGIN}/${tenantPath}/oauth2/v2.0/devicecode`,
    http_logout_supported: true,
    frontchannel_logout_supported: true,
    end_session_endpoint: `${LOGIN_ORIGIN}/${tenantPath}/oauth2/v2.0/logout`,
    claims_supported: [
      "sub",
      "iss",
      "cloud_instance_name",
      "cloud_instance_host_name",
      "cloud_graph_host_name",
      "msgraph_host",
      "aud",
      "exp",
      "iat",
      "auth_time",
      "acr",
      "nonce",
      "preferred_username",
      "name",
      "tid",
      "ver",
      "at_hash",
      "c_hash",
      "email",
    ],
    kerberos_endpoint: `${LOGIN_ORIGIN}/${tenantPath}/kerberos`,
    tenant_region_scope: "NA",
    cloud_instance_name: "microsoftonline.com",
    cloud_graph_host_name: "graph.windows.net",
    msgraph_host: "graph.microsoft.com",
    rbac_url: "https://pas.windows.net",
  };
}

/** `/common/discovery/instance` answer (AAD instance discovery, api-version 1.1). */
export function instanceDiscovery(
  authorizationEndpoint: string | undefined,
): Record<string, unknown> {
  let tenant = "common";
  const match = authorizationEndpoint?.match(/^https:\/\/[^/]+\/([^/]+)\//);
  if (match?.[1]) tenant = match[1];
  return {
    tenant_discovery_endpoint: `${LOGIN_ORIGIN}/${tenant}/v2.0/.well-known/openid-configuration`,
    "api-version": "1.1",
    metadata: [
      {
        preferred_network: "login.microsoftonline.com",
        preferred_cache: "login.windows.net",
        aliases: [
          "login.microsoftonline.com",
          "login.windows.net",
          "login.microsoft.com",
          "sts.windows.net",
        ],
      },
    ],
  };
}

export function createDiscoveryRoutes(ctx: CloudContext): Hono {
  const app = new Hono();

  app.get("/common/discovery/instance", (c) =>
    c.json(instanceDiscovery(c.req.query("authorization_endpoint")), 200, PUBLIC_CORS),
  );

  app.get("/:tenant/v2.0/.well-known/openid-configuration", (c) => {
    const tenant = c.req.param("tenant");
    const segment = resolveTenantSegment(ctx.state, tenant);
    if (!segment) {
      const body = tokenErrorBody(
        errors.tenantNotFound(tenant),
        newDiagnostics(ctx.state.clock.now()),
      );
      return c.json(body, 400, PUBLIC_CORS);
    }
    // Multi-tenant documents carry the `{tenantid}` placeholder in the issuer, as Microsoft's do.
    const issuerTenant = segment.kind === "tenant" ? segment.tenant.id : "{tenantid}";
    const path = segment.kind === "tenant" ? segment.tenant.id : tenant.toLowerCase();
    return c.json(openIdConfiguration(path, issuerTenant), 200, PUBLIC_CORS);
  });

  app.get("/:tenant/discovery/v2.0/keys", (c) => {
    const { publicJwk } = ctx.keys;
    return c.json(
      { keys: [{ ...publicJwk, x5t: publicJwk.kid, issuer: `${LOGIN_ORIGIN}/{tenantid}/v2.0` }] },
      200,
      PUBLIC_CORS,
    );
  });

  return app;
}
