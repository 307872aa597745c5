import { timingSafeEqual } from "node:crypto";
import type { CloudContext } from "../../context";
import type { AppRegistration, EmulatedTenant } from "../../tenants/model";
import { decideDelegatedAccess } from "../access-decision";
import type { DirectoryUser, TenantSegment } from "../directory";
import { errors } from "../errors";
import type { RedirectPlatform } from "../runtime";
import { type ParsedScopes, parseScopes } from "../scopes";
import { issueUserTokenResponse } from "../tokens";

/**
 * What every grant of the token endpoint shares: the parsed request, client authentication,
 * the Origin rule, and issuing user tokens once the access decision allows it.
 */
export type Form = Record<string, string>;

export interface TokenRequest {
  form: Form;
  app: AppRegistration;
  segment: TenantSegment;
  /** The browser's `Origin` header: present only on cross-origin (SPA) redemption. */
  origin: string | undefined;
  clientSecret: string | undefined;
}

export type GrantHandler = (
  ctx: CloudContext,
  request: TokenRequest,
) => Promise<Record<string, unknown>>;

export function secretsMatch(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

/** Confidential apps prove themselves with a secret; public and SPA clients must not send one. */
export function authenticateClient(request: TokenRequest, platform: RedirectPlatform): void {
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

/** SPA tokens are redeemed cross-origin only; everyone else never (AADSTS9002327 / 9002326). */
export function checkOrigin(request: TokenRequest, spa: boolean): void {
  if (spa && !request.origin) throw errors.spaRequiresCrossOrigin();
  if (!spa && request.origin) throw errors.crossOriginOnlyForSpa(request.origin);
}

export function required(form: Form, name: string): string {
  const value = form[name];
  if (!value) throw errors.missingParameter(name);
  return value;
}

export function requestedScopes(form: Form, fallback: string): ParsedScopes {
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

/** Issues user tokens if the access decision allows them, else throws its error. */
export async function userTokens(
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
