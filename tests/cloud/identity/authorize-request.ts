import type { AppRegistration, CloudState } from "../tenants/model";
import { resolveTenantSegment, type TenantSegment } from "./directory";
import { errors, type IdentityError } from "./errors";
import type { AuthorizeRequest, RedirectPlatform } from "./runtime";

/**
 * Validation of `/authorize` and `/adminconsent` parameters, in Microsoft's order: errors about
 * the tenant, the client or the redirect URI are shown on the page (the redirect URI cannot be
 * trusted yet); everything after that is sent back to the redirect URI.
 */
export type ParsedAuthorize =
  | { kind: "ok"; request: AuthorizeRequest; app: AppRegistration; segment: TenantSegment }
  | { kind: "page"; error: IdentityError }
  | { kind: "redirect"; error: IdentityError; request: AuthorizeRequest };

/** `http://localhost` redirect URIs match on any port (Entra's reply URL rules for localhost). */
function sameRedirectUri(registered: string, requested: string): boolean {
  if (registered === requested) return true;
  try {
    const a = new URL(registered);
    const b = new URL(requested);
    const loopback = (u: URL) =>
      u.protocol === "http:" && (u.hostname === "localhost" || u.hostname === "127.0.0.1");
    return loopback(a) && loopback(b) && a.hostname === b.hostname && a.pathname === b.pathname;
  } catch {
    return false;
  }
}

export function redirectPlatform(
  app: AppRegistration,
  redirectUri: string,
): RedirectPlatform | undefined {
  if (app.spaRedirectUris.some((uri) => sameRedirectUri(uri, redirectUri))) return "spa";
  if (app.webRedirectUris.some((uri) => sameRedirectUri(uri, redirectUri))) return "web";
  if (app.publicClientRedirectUris.some((uri) => sameRedirectUri(uri, redirectUri)))
    return "publicClient";
  return undefined;
}

function optional(params: URLSearchParams, name: string): string | undefined {
  const value = params.get(name);
  return value === null || value === "" ? undefined : value;
}

export function parseAuthorizeRequest(
  state: CloudState,
  tenantSegment: string,
  params: URLSearchParams,
  kind: AuthorizeRequest["kind"],
): ParsedAuthorize {
  const segment = resolveTenantSegment(state, tenantSegment);
  if (!segment) return { kind: "page", error: errors.tenantNotFound(tenantSegment) };
  const clientId = optional(params, "client_id");
  if (!clientId) return { kind: "page", error: errors.missingParameter("client_id") };
  const app = state.apps.get(clientId.toLowerCase()) ?? state.apps.get(clientId);
  const directoryName = segment.kind === "tenant" ? segment.tenant.initialDomain : tenantSegment;
  if (!app) return { kind: "page", error: errors.appNotFound(clientId, directoryName) };
  const redirectUri = optional(params, "redirect_uri");
  if (!redirectUri) return { kind: "page", error: errors.missingParameter("redirect_uri") };
  const platform = redirectPlatform(app, redirectUri);
  if (!platform) return { kind: "page", error: errors.redirectUriMismatch(redirectUri, app.appId) };

  const responseType = kind === "adminconsent" ? "code" : (optional(params, "response_type") ?? "");
  const mode = optional(params, "response_mode");
  // SPAs get the code in the fragment unless they ask otherwise (MSAL.js asks explicitly).
  const responseMode: AuthorizeRequest["responseMode"] =
    mode === "query" || mode === "fragment" || mode === "form_post"
      ? mode
      : platform === "spa"
        ? "fragment"
        : "query";
  const request: AuthorizeRequest = {
    tenantSegment,
    clientId: app.appId,
    redirectUri,
    platform,
    responseType,
    responseMode,
    scope: optional(params, "scope") ?? "",
    clientInfo: params.get("client_info") === "1",
    kind,
  };
  const copy = (name: string, key: keyof AuthorizeRequest) => {
    const value = optional(params, name);
    if (value !== undefined) (request as unknown as Record<string, string>)[key] = value;
  };
  copy("state", "state");
  copy("nonce", "nonce");
  copy("prompt", "prompt");
  copy("login_hint", "loginHint");
  copy("domain_hint", "domainHint");
  copy("code_challenge", "codeChallenge");
  copy("code_challenge_method", "codeChallengeMethod");

  if (kind === "authorize") {
    const types = responseType.split(" ").filter(Boolean);
    if (types.length === 0)
      return { kind: "redirect", error: errors.missingParameter("response_type"), request };
    // `code`, `id_token` (OpenID Connect sign-in) or the hybrid `code id_token`.
    if (types.some((t) => t !== "code" && t !== "id_token"))
      return { kind: "redirect", error: errors.unsupportedResponseType(responseType), request };
    if (!request.scope)
      return { kind: "redirect", error: errors.missingParameter("scope"), request };
    // PKCE is mandatory for codes a SPA will redeem cross-origin (v2-oauth2-auth-code-flow).
    if (platform === "spa" && types.includes("code") && !request.codeChallenge)
      return { kind: "redirect", error: errors.pkceRequiredForSpa(), request };
    if (
      request.codeChallenge &&
      request.codeChallengeMethod !== undefined &&
      request.codeChallengeMethod !== "S256" &&
      request.codeChallengeMethod !== "plain"
    )
      return { kind: "redirect", error: errors.unsupportedChallengeMethod(), request };
  }
  return { kind: "ok", request, app, segment };
}
