import type { CloudContext } from "../../context";
import { findUser } from "../directory";
import { errors } from "../errors";
import { isRevoked } from "../runtime";
import { REFRESH_TOKEN_INACTIVITY_MS, SPA_REFRESH_TOKEN_LIFETIME_MS } from "../tokens";
import {
  authenticateClient,
  checkOrigin,
  requestedScopes,
  required,
  type TokenRequest,
  userTokens,
} from "./token-request";

/**
 * `grant_type=refresh_token`: rotation on every use, revocation (AADSTS50173), 24 h fixed for SPAs
 * (AADSTS700084) and 90 days of inactivity for others (AADSTS700082). Redeemed at a customer
 * tenant's endpoint it yields that tenant's token for a partner's delegated admin.
 */
export async function redeemRefreshToken(ctx: CloudContext, request: TokenRequest) {
  const record = ctx.identity.refreshTokens.get(required(request.form, "refresh_token"));
  if (!record) throw errors.refreshTokenMalformed();
  if (record.clientId !== request.app.appId) throw errors.refreshTokenForOtherClient();
  checkOrigin(request, record.spa);
  authenticateClient(request, record.spa ? "spa" : "web");
  const now = ctx.state.clock.now();
  if (isRevoked(ctx.identity, record.userId, record.seq)) {
    const revokedAt = ctx.identity.revokedBefore.get(record.userId)?.atMs ?? now;
    throw errors.refreshTokenRevoked(record.issuedMs, revokedAt);
  }
  // SPA refresh tokens die 24 h after the sign-in; rotation never extends them (refresh-tokens doc).
  if (record.spa && now >= record.familyIssuedMs + SPA_REFRESH_TOKEN_LIFETIME_MS)
    throw errors.spaRefreshTokenExpired(record.familyIssuedMs);
  if (!record.spa && now >= record.issuedMs + REFRESH_TOKEN_INACTIVITY_MS)
    throw errors.refreshTokenInactive(record.issuedMs);
  const account = findUser(ctx.state, record.homeTenantId, record.userId);
  if (!account) throw errors.refreshTokenMalformed();
  return userTokens(
    ctx,
    request,
    account,
    requestedScopes(request.form, "openid profile offline_access"),
    {
      spa: record.spa,
      sessionId: record.sessionId,
      authTimeMs: record.familyIssuedMs,
      familyIssuedMs: record.familyIssuedMs,
    },
  );
}
