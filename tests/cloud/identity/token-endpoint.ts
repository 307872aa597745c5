import { timingSafeEqual } from "node:crypto";
import { type Context, Hono } from "hono";
import type { CloudContext } from "../context";
import { attributeRequest } from "../request-log";
import type { AppRegistration, EmulatedTenant } from "../tenants/model";
import { decideDelegatedAccess } from "./access-decision";
import { findServicePrincipalByAppId } from "./consent";
import {
  type DirectoryUser,
  findUser,
  findUserBySignInName,
  isAccountEnabled,
  resolveTenantSegment,
  type TenantSegment,
} from "./directory";
import { errors, IdentityError, newDiagnostics, tokenErrorBody } from "./errors";
import { verifyPkce } from "./pkce";
import { isRevoked, type RedirectPlatform } from "./runtime";
import { type ParsedScopes, parseScopes } from "./scopes";
import {
  issueAppOnlyTokenResponse,
  issueUserTokenResponse,
  REFRESH_TOKEN_INACTIVITY_MS,
  SPA_REFRESH_TOKEN_LIFETIME_MS,
} from "./tokens";

/**
 * `POST /{tenant}/oauth2/v2.0/token`: authorization codes (with PKCE), refresh tokens (rotation
 * and Microsoft's lifetimes), client credentials and ROPC. The `Origin` header decides between
 * the SPA and the other client types, as Entra ID does (AADSTS9002326 / AADSTS9002327).
 */
const CODE_LIFETIME_MS = 10 * 60 * 1000;

type Form = Record<string, string>;

interface TokenRequest {
  form: Form;
  app: AppRegistration;
  segment: TenantSegment;
  /** The browser's `Origin` header: present only on cross-origin (SPA) redemption. */
  origin: string | undefined;
  clientSecret: string | undefined;
}

function secretsMatch(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

function basicCredentials(header: string | undefined): { id: string; secret: string } | undefined {
  if (!header?.toLowerCase().startsWith("basic ")) return undefined;
  const decoded = Buffer.from(header.slice(6), "base64").toString("utf8");
  const colon = decoded.indexOf(":");
  if (colon < 0) return undefined;
  return {
    id: decodeURIComponent(decoded.slice(0, colon)),
    secret: decodeURIComponent(decoded.slice(colon + 1)),
  };
}

/** Confidential apps prove themselves with a secret; public and SPA clients must not send one. */
function authenticateClient(request: TokenRequest, platform: RedirectPlatform): void {
  const { app, clientSecret } = request;
  const confidential = app.clientSecrets.length > 0;
  if (clientSecret !== undefined) {
    if (!confidential) throw errors.publicClientWithSecret();
    if (!app.clientSecrets.some((s) => secretsMatch(s, clientSecret)))
      throw errors.clientSecretInvalid(app.appId);
    return;
  }
  if (confidential && platform === "web") throw errors.clientSecretMissing();
}

function checkOrigin(request: TokenRequest, spa: boolean): void {
  if (spa && !request.origin) throw errors.spaRequiresCrossOrigin();
  if (!spa && request.origin) throw errors.crossOriginOnlyForSpa(request.origin);
}

function required(form: Form, name: string): string {
  const value = form[name];
  if (!value) throw errors.missingParameter(name);
  return value;
}

function requestedScopes(form: Form, fallback: string): ParsedScopes {
  const scopes = parseScopes(form.scope ?? fallback);
  const unknown = scopes.unknown[0];
  if (unknown) throw errors.invalidScope(unknown);
  return scopes;
}

function resourceTenantOf(
  ctx: CloudContext,
  segment: TenantSegment,
  account: DirectoryUser,
): EmulatedTenant {
  return segment.kind === "tenant"
    ? segment.tenant
    : (ctx.state.tenants.get(account.tenant.id) ?? account.tenant);
}

async function userTokens(
  ctx: CloudContext,
  request: TokenRequest,
  account: DirectoryUser,
  scopes: ParsedScopes,
  extra: {
    spa: boolean;
    nonce?: string | undefined;
    sessionId: string | null;
    authTimeMs: number;
    familyIssuedMs?: number;
    resourceTenant?: EmulatedTenant;
  },
): Promise<Record<string, unknown>> {
  const resourceTenant = extra.resourceTenant ?? resourceTenantOf(ctx, request.segment, account);
  const decision = decideDelegatedAccess(request.app, account, resourceTenant, scopes, "token");
  if (!decision.ok) throw decision.error;
  return issueUserTokenResponse(ctx, {
    app: request.app,
    account,
    resourceTenant,
    access: decision.access,
    grantedScopes: decision.grantedScopes,
    requestedOidcScopes: scopes.oidc,
    nonce: extra.nonce,
    sessionId: extra.sessionId,
    authTimeMs: extra.authTimeMs,
    spa: extra.spa,
    includeClientInfo: request.form.client_info === "1",
    ...(extra.familyIssuedMs !== undefined ? { familyIssuedMs: extra.familyIssuedMs } : {}),
  });
}

async function redeemAuthorizationCode(ctx: CloudContext, request: TokenRequest) {
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

async function redeemRefreshToken(ctx: CloudContext, request: TokenRequest) {
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

async function clientCredentials(ctx: CloudContext, request: TokenRequest) {
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

/** ROPC, for scripts and curl; Microsoft discourages it but still serves it to work accounts. */
async function passwordGrant(ctx: CloudContext, request: TokenRequest) {
  if (request.origin) throw errors.crossOriginOnlyForSpa(request.origin);
  const username = required(request.form, "username");
  const password = required(request.form, "password");
  authenticateClient(request, request.app.clientSecrets.length > 0 ? "web" : "publicClient");
  const account = findUserBySignInName(ctx.state, username);
  if (!account) throw errors.userNotFound(username.split("@")[1] ?? username);
  const expected = account.tenant.passwords.get(account.user.id);
  if (expected === undefined || !secretsMatch(expected, password))
    throw errors.invalidCredentials();
  if (!isAccountEnabled(account.user)) throw errors.userDisabled();
  return userTokens(
    ctx,
    request,
    account,
    requestedScopes(request.form, "openid profile offline_access"),
    {
      spa: false,
      sessionId: null,
      authTimeMs: ctx.state.clock.now(),
    },
  );
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
      const handlers: Record<
        string,
        (ctx: CloudContext, r: TokenRequest) => Promise<Record<string, unknown>>
      > = {
        authorization_code: redeemAuthorizationCode,
        refresh_token: redeemRefreshToken,
        client_credentials: clientCredentials,
        password: passwordGrant,
      };
      const handler = handlers[grantType];
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
