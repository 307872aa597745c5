import { createHash, randomBytes } from "node:crypto";
import type { CloudContext } from "../context";
import { LOGIN_ORIGIN } from "../hosts";
import type { AppRegistration, EmulatedTenant, GraphObject } from "../tenants/model";
import { type AccessTokenClaims, GRAPH_AUDIENCE, signJwt } from "./access-token";
import {
  type DirectoryUser,
  displayNameOf,
  type TenantAccess,
  userPrincipalName,
} from "./directory";
import { nextSeq, opaqueToken, type RefreshTokenRecord } from "./runtime";
import { toGraphScopeUrl } from "./scopes";

/**
 * Token issuance: Graph access tokens (v1.0 shape, see access-token.ts), v2.0 ID tokens, refresh
 * tokens and `client_info`, with lifetimes from the emulator clock. Lifetimes follow
 * learn.microsoft.com/entra/identity-platform/access-tokens and refresh-tokens: access tokens
 * about an hour, refresh tokens 24 h fixed for SPAs and 90 days of inactivity otherwise.
 */
export const ACCESS_TOKEN_LIFETIME_S = 3599;
export const SPA_REFRESH_TOKEN_LIFETIME_MS = 24 * 60 * 60 * 1000;
export const REFRESH_TOKEN_INACTIVITY_MS = 90 * 24 * 60 * 60 * 1000;
export const ID_TOKEN_LIFETIME_S = 3600;

function seconds(ms: number): number {
  return Math.floor(ms / 1000);
}

function tokenId(): string {
  return randomBytes(16).toString("base64url");
}

/** `client_info` lets MSAL key its cache by home account: base64url of `{"uid","utid"}`. */
export function clientInfo(account: DirectoryUser): string {
  return Buffer.from(JSON.stringify({ uid: account.user.id, utid: account.tenant.id })).toString(
    "base64url",
  );
}

/** ID-token `sub` is pairwise: stable per user and app, different across apps. */
function pairwiseSubject(appId: string, userId: string): string {
  return createHash("sha256").update(`${appId}:${userId}`).digest("base64url").slice(0, 43);
}

export interface UserTokenInput {
  app: AppRegistration;
  account: DirectoryUser;
  resourceTenant: EmulatedTenant;
  access: Exclude<TenantAccess, "none">;
  grantedScopes: readonly string[];
  requestedOidcScopes: readonly string[];
  nonce?: string | undefined;
  sessionId: string | null;
  authTimeMs: number;
  spa: boolean;
  includeClientInfo: boolean;
  /** Carried over when a refresh token is redeemed: SPA lifetimes never extend. */
  familyIssuedMs?: number;
}

export async function issueGraphAccessToken(
  ctx: CloudContext,
  input: Pick<UserTokenInput, "app" | "account" | "resourceTenant" | "access" | "grantedScopes">,
): Promise<string> {
  const now = seconds(ctx.state.clock.now());
  const { account, resourceTenant } = input;
  const upn = userPrincipalName(account.user);
  const claims: AccessTokenClaims = {
    aud: GRAPH_AUDIENCE,
    iss: `https://sts.windows.net/${resourceTenant.id}/`,
    iat: now,
    nbf: now,
    exp: now + ACCESS_TOKEN_LIFETIME_S,
    tid: resourceTenant.id,
    oid: account.user.id,
    sub: pairwiseSubject(GRAPH_AUDIENCE, account.user.id),
    appid: input.app.appId,
    app_displayname: input.app.displayName,
    idtyp: "user",
    ver: "1.0",
    uti: tokenId(),
    scp: input.grantedScopes.join(" "),
    upn,
    unique_name: upn,
    name: displayNameOf(account.user),
  };
  if (input.access === "delegatedAdmin") {
    // A partner's delegated admin acts in the customer under their home identity.
    claims.idp = `https://sts.windows.net/${account.tenant.id}/`;
    claims.home_oid = account.user.id;
  }
  return signJwt(ctx.keys, { ...claims });
}

export async function issueIdToken(ctx: CloudContext, input: UserTokenInput): Promise<string> {
  const now = seconds(ctx.state.clock.now());
  const { account, resourceTenant } = input;
  return signJwt(ctx.keys, {
    aud: input.app.appId,
    iss: `${LOGIN_ORIGIN}/${resourceTenant.id}/v2.0`,
    iat: now,
    nbf: now,
    exp: now + ID_TOKEN_LIFETIME_S,
    auth_time: seconds(input.authTimeMs),
    name: displayNameOf(account.user),
    ...(input.nonce ? { nonce: input.nonce } : {}),
    oid: account.user.id,
    preferred_username: userPrincipalName(account.user),
    ...(input.sessionId ? { sid: input.sessionId } : {}),
    sub: pairwiseSubject(input.app.appId, account.user.id),
    tid: resourceTenant.id,
    ...(input.access === "delegatedAdmin"
      ? { idp: `https://sts.windows.net/${account.tenant.id}/` }
      : {}),
    uti: tokenId(),
    ver: "2.0",
  });
}

function issueRefreshToken(ctx: CloudContext, input: UserTokenInput): RefreshTokenRecord {
  const now = ctx.state.clock.now();
  const record: RefreshTokenRecord = {
    token: opaqueToken("1.A"),
    clientId: input.app.appId,
    homeTenantId: input.account.tenant.id,
    userId: input.account.user.id,
    spa: input.spa,
    familyIssuedMs: input.familyIssuedMs ?? now,
    issuedMs: now,
    seq: nextSeq(ctx.identity),
    sessionId: input.sessionId,
  };
  ctx.identity.refreshTokens.set(record.token, record);
  return record;
}

/** The token endpoint's success body for a user (`token-authcode-success.json`). */
export async function issueUserTokenResponse(
  ctx: CloudContext,
  input: UserTokenInput,
): Promise<Record<string, unknown>> {
  const accessToken = await issueGraphAccessToken(ctx, input);
  const oidc = input.requestedOidcScopes;
  const scope = [
    ...input.grantedScopes.map(toGraphScopeUrl),
    ...oidc.filter((s) => s !== "offline_access"),
  ].join(" ");
  const body: Record<string, unknown> = {
    token_type: "Bearer",
    scope,
    expires_in: ACCESS_TOKEN_LIFETIME_S,
    ext_expires_in: ACCESS_TOKEN_LIFETIME_S,
    access_token: accessToken,
  };
  if (oidc.includes("offline_access")) {
    const refresh = issueRefreshToken(ctx, input);
    body.refresh_token = refresh.token;
    if (input.spa) {
      body.refresh_token_expires_in = Math.max(
        0,
        seconds(refresh.familyIssuedMs + SPA_REFRESH_TOKEN_LIFETIME_MS - ctx.state.clock.now()),
      );
    }
  }
  if (oidc.includes("openid")) body.id_token = await issueIdToken(ctx, input);
  if (input.includeClientInfo) body.client_info = clientInfo(input.account);
  return body;
}

/** `client_credentials`: an app-only token carrying `roles` (`token-clientcreds-success.json`). */
export async function issueAppOnlyTokenResponse(
  ctx: CloudContext,
  app: AppRegistration,
  tenant: EmulatedTenant,
  servicePrincipal: GraphObject,
): Promise<Record<string, unknown>> {
  const now = seconds(ctx.state.clock.now());
  const claims: AccessTokenClaims = {
    aud: GRAPH_AUDIENCE,
    iss: `https://sts.windows.net/${tenant.id}/`,
    iat: now,
    nbf: now,
    exp: now + ACCESS_TOKEN_LIFETIME_S,
    tid: tenant.id,
    oid: servicePrincipal.id,
    sub: servicePrincipal.id,
    appid: app.appId,
    app_displayname: app.displayName,
    idtyp: "app",
    ver: "1.0",
    uti: tokenId(),
    roles: [...app.requiredAppRoles],
  };
  return {
    token_type: "Bearer",
    expires_in: ACCESS_TOKEN_LIFETIME_S,
    ext_expires_in: ACCESS_TOKEN_LIFETIME_S,
    access_token: await signJwt(ctx.keys, { ...claims }),
  };
}
