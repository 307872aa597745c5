import { GUID_PATTERN } from "../guid";
import { graphScopeUri } from "../permissions";

export const LOGIN_AUTHORITY = "https://login.microsoftonline.com";

const DOMAIN = /^(?=.{1,253}$)([a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/i;
const SCOPE = /^[A-Za-z][A-Za-z0-9-]*(\.[A-Za-z0-9-]+)+$/;

/** A consent request that cannot be sent; `field` names the offending input. */
export class InvalidConsentRequestError extends Error {
  override readonly name = "InvalidConsentRequestError";
  constructor(
    readonly field: "tenant" | "clientId" | "scopes" | "redirectUri" | "state",
    message: string,
  ) {
    super(message);
  }
}

export interface AdminConsentRequest {
  /** Customer tenant: GUID, verified domain (`contoso.onmicrosoft.com`) or `organizations`. */
  tenant: string;
  /** The tenantlens app registration's application (client) id. */
  clientId: string;
  /** Graph scopes, short (`User.Read.All`) or as URIs (`https://graph.microsoft.com/User.Read.All`). */
  scopes: readonly string[];
  redirectUri: string;
  /** Opaque anti-forgery value the redirect must echo back. */
  state: string;
}

function checkTenant(tenant: string): void {
  // v2 admin consent accepts a GUID, a friendly (domain) name or `organizations`; `common`
  // is not allowed because personal accounts cannot consent for a tenant.
  // https://learn.microsoft.com/en-us/entra/identity-platform/v2-admin-consent
  if (tenant === "organizations" || GUID_PATTERN.test(tenant) || DOMAIN.test(tenant)) return;
  throw new InvalidConsentRequestError(
    "tenant",
    `Tenant must be a tenant id (GUID), a verified domain or "organizations", got "${tenant}".`,
  );
}

function checkRedirectUri(redirectUri: string): void {
  let url: URL;
  try {
    url = new URL(redirectUri);
  } catch {
    throw new InvalidConsentRequestError(
      "redirectUri",
      `Redirect URI is not a URL: "${redirectUri}".`,
    );
  }
  const loopback = url.protocol === "http:" && url.hostname === "localhost";
  if (url.protocol !== "https:" && !loopback) {
    throw new InvalidConsentRequestError(
      "redirectUri",
      "Redirect URI must use https (or http://localhost), as Entra ID requires.",
    );
  }
}

/**
 * The per-tenant admin consent URL (Microsoft identity platform v2.0):
 * `https://login.microsoftonline.com/{tenant}/v2.0/adminconsent?client_id=…&scope=…&redirect_uri=…&state=…`
 * with each scope written as `https://graph.microsoft.com/X` and the scopes space-separated.
 */
export function buildAdminConsentUrl(request: AdminConsentRequest): string {
  const { tenant, clientId, scopes, redirectUri, state } = request;
  checkTenant(tenant);
  if (!GUID_PATTERN.test(clientId)) {
    throw new InvalidConsentRequestError(
      "clientId",
      `Client id must be a GUID, got "${clientId}".`,
    );
  }
  if (scopes.length === 0) {
    throw new InvalidConsentRequestError("scopes", "At least one scope is required.");
  }
  for (const scope of scopes) {
    const short = scope.replace(/^https:\/\/graph\.microsoft\.com\//i, "");
    if (!SCOPE.test(short)) {
      throw new InvalidConsentRequestError("scopes", `Not a Graph scope: "${scope}".`);
    }
  }
  checkRedirectUri(redirectUri);
  if (state.length === 0 || state.length > 1024) {
    throw new InvalidConsentRequestError("state", "State must be 1 to 1024 characters.");
  }

  const query = [
    ["client_id", clientId],
    ["scope", [...new Set(scopes.map(graphScopeUri))].join(" ")],
    ["redirect_uri", redirectUri],
    ["state", state],
  ]
    // encodeURIComponent writes spaces as %20, which both query parsers and Entra read as a space.
    .map(([key, value]) => `${key}=${encodeURIComponent(value ?? "")}`)
    .join("&");
  return `${LOGIN_AUTHORITY}/${encodeURIComponent(tenant)}/v2.0/adminconsent?${query}`;
}
