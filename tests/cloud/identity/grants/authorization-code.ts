import type { CloudContext } from "../../context";
import { findUser } from "../directory";
import { errors } from "../errors";
import { verifyPkce } from "../pkce";
import {
  authenticateClient,
  checkOrigin,
  requestedScopes,
  required,
  type TokenRequest,
  userTokens,
} from "./token-request";

/**
 * `grant_type=authorization_code`: single use, ten minutes, same client and redirect URI, and the
 * PKCE verifier when the authorize request carried a challenge.
 */
const CODE_LIFETIME_MS = 10 * 60 * 1000;

export async function redeemAuthorizationCode(ctx: CloudContext, request: TokenRequest) {
  const { form } = request;
  const record = ctx.identity.codes.get(required(form, "code"));
  if (!record) throw errors.invalidCode();
  const now = ctx.state.clock.now();
  if (record.clientId !== request.app.appId) throw errors.codeForOtherClient();
  checkOrigin(request, record.platform === "spa");
  authenticateClient(request, record.platform);
  if (record.redeemed) throw errors.codeRedeemed();
  if (now > record.issuedMs + CODE_LIFETIME_MS) throw errors.codeExpired(record.issuedMs);
  if (required(form, "redirect_uri") !== record.redirectUri) throw errors.codeRedirectMismatch();
  if (record.codeChallenge) {
    const verifier = form.code_verifier;
    if (!verifier) throw errors.pkceVerifierMissing();
    if (!verifyPkce(record.codeChallenge, record.codeChallengeMethod, verifier))
      throw errors.pkceMismatch();
  }
  if (request.segment.kind === "tenant" && request.segment.tenant.id !== record.resourceTenantId)
    throw errors.codeWrongTenant();
  record.redeemed = true;
  const account = findUser(ctx.state, record.homeTenantId, record.userId);
  const resourceTenant = ctx.state.tenants.get(record.resourceTenantId);
  if (!account || !resourceTenant) throw errors.invalidCode();
  return userTokens(ctx, request, account, requestedScopes(form, record.scope), {
    spa: record.platform === "spa",
    nonce: record.nonce,
    sessionId: record.sessionId || null,
    authTimeMs: record.authTimeMs,
    resourceTenant,
  });
}
