import type { CloudContext } from "../context";
import type { EmulatedTenant } from "../tenants/model";
import { type DirectoryUser, tenantAccess } from "./directory";
import { opaqueToken } from "./runtime";
import type { Flow } from "./sign-in-flow";
import { clientInfo, issueIdToken } from "./tokens";

/**
 * The end of a successful sign-in: the parameters sent back to the client — a code (remembered
 * for the token endpoint) and/or an ID token, `client_info`, `state` and `session_state`, in the
 * order Entra ID sends them.
 */
export async function authorizationResponse(
  ctx: CloudContext,
  flow: Flow,
  account: DirectoryUser,
  resourceTenant: EmulatedTenant,
): Promise<Record<string, string>> {
  const request = flow.request;
  const now = ctx.state.clock.now();
  const types = request.responseType.split(" ");
  const sessionId = flow.sessionId ?? "";
  const params: Record<string, string> = {};
  if (types.includes("code")) {
    const code = opaqueToken("1.A", 96);
    params.code = code;
    ctx.identity.codes.set(code, {
      code,
      clientId: request.clientId,
      redirectUri: request.redirectUri,
      platform: request.platform,
      ...(request.codeChallenge ? { codeChallenge: request.codeChallenge } : {}),
      ...(request.codeChallengeMethod ? { codeChallengeMethod: request.codeChallengeMethod } : {}),
      ...(request.nonce ? { nonce: request.nonce } : {}),
      scope: request.scope,
      homeTenantId: account.tenant.id,
      userId: account.user.id,
      resourceTenantId: resourceTenant.id,
      tenantSegment: request.tenantSegment,
      sessionId,
      authTimeMs: now,
      issuedMs: now,
      redeemed: false,
    });
  }
  if (types.includes("id_token")) {
    const access = tenantAccess(resourceTenant, account);
    params.id_token = await issueIdToken(ctx, {
      app: flow.app,
      account,
      resourceTenant,
      access: access === "none" ? "member" : access,
      grantedScopes: [],
      requestedOidcScopes: [],
      nonce: request.nonce,
      sessionId,
      authTimeMs: now,
      spa: request.platform === "spa",
      includeClientInfo: false,
    });
  }
  if (request.clientInfo) params.client_info = clientInfo(account);
  if (request.state !== undefined) params.state = request.state;
  params.session_state = sessionId;
  return params;
}
