import type { CloudContext } from "../../context";
import { findServicePrincipalByAppId } from "../consent";
import { errors } from "../errors";
import { parseScopes } from "../scopes";
import { issueAppOnlyTokenResponse } from "../tokens";
import { authenticateClient, required, type TokenRequest } from "./token-request";

/**
 * `grant_type=client_credentials`: app-only tokens for a confidential app whose service principal
 * exists in the (named) tenant, with a `/.default` scope.
 */
export async function clientCredentials(ctx: CloudContext, request: TokenRequest) {
  if (request.segment.kind !== "tenant") throw errors.grantTypeNotOnCommon();
  if (request.origin) throw errors.crossOriginOnlyForSpa(request.origin);
  if (request.app.clientSecrets.length === 0 || request.clientSecret === undefined)
    throw errors.clientSecretMissing();
  authenticateClient(request, "web");
  const scope = required(request.form, "scope");
  const scopes = parseScopes(scope);
  if (!scopes.graphDefault || scopes.graph.length > 0 || scopes.unknown.length > 0)
    throw errors.clientCredentialsScope(scope);
  const tenant = request.segment.tenant;
  const servicePrincipal = findServicePrincipalByAppId(tenant, request.app.appId);
  if (!servicePrincipal) throw errors.servicePrincipalMissing(request.app.appId, tenant.id);
  return issueAppOnlyTokenResponse(ctx, request.app, tenant, servicePrincipal);
}
