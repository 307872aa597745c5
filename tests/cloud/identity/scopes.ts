import { GRAPH_APP_ID, GRAPH_AUDIENCE } from "./access-token";

/**
 * Scope strings as the v2.0 endpoints accept them. Microsoft Graph is the default resource, so a
 * bare `User.Read.All` means `https://graph.microsoft.com/User.Read.All`; scope names are
 * case-insensitive (learn.microsoft.com/entra/identity-platform/scopes-oidc).
 */
export const OIDC_SCOPES = ["openid", "profile", "email", "offline_access"] as const;

export interface ParsedScopes {
  /** OpenID Connect scopes, lower-cased. */
  oidc: string[];
  /** Graph permission names as the client spelled them, without the resource prefix. */
  graph: string[];
  /** `https://graph.microsoft.com/.default`: every permission consented for the app. */
  graphDefault: boolean;
  /** Scopes for resources the emulator does not host. */
  unknown: string[];
}

const GRAPH_PREFIXES = [`${GRAPH_AUDIENCE}/`, `${GRAPH_APP_ID}/`, "https://graph.microsoft.com//"];

export function parseScopes(scopeParam: string | undefined): ParsedScopes {
  const parsed: ParsedScopes = { oidc: [], graph: [], graphDefault: false, unknown: [] };
  for (const raw of (scopeParam ?? "").split(/\s+/).filter(Boolean)) {
    const lower = raw.toLowerCase();
    if ((OIDC_SCOPES as readonly string[]).includes(lower)) {
      if (!parsed.oidc.includes(lower)) parsed.oidc.push(lower);
      continue;
    }
    const prefix = GRAPH_PREFIXES.find((p) => lower.startsWith(p.toLowerCase()));
    const name = prefix ? raw.slice(prefix.length) : raw;
    if (!prefix && (raw.includes("://") || raw.includes("/"))) {
      parsed.unknown.push(raw);
    } else if (name.toLowerCase() === ".default") {
      parsed.graphDefault = true;
    } else if (name && !parsed.graph.some((g) => g.toLowerCase() === name.toLowerCase())) {
      parsed.graph.push(name);
    }
  }
  return parsed;
}

export function toGraphScopeUrl(permission: string): string {
  return `${GRAPH_AUDIENCE}/${permission}`;
}

export function includesScope(granted: readonly string[], wanted: string): boolean {
  const lower = wanted.toLowerCase();
  return granted.some((g) => g.toLowerCase() === lower);
}

/**
 * Delegated Graph permissions an ordinary user may consent to. Everything else the product asks
 * for (`User.Read.All`, `Directory.Read.All`, `AuditLog.Read.All`, …) is "Admin consent required:
 * Yes" in the Graph permissions reference (learn.microsoft.com/graph/permissions-reference).
 */
const USER_CONSENTABLE = new Set(
  [
    "User.Read",
    "User.ReadBasic.All",
    "Mail.Read",
    "Calendars.Read",
    "Contacts.Read",
    "Files.Read",
    "Files.Read.All",
    "People.Read",
    "Presence.Read",
    "Tasks.Read",
    "Notes.Read",
    "email",
    "openid",
    "profile",
    "offline_access",
  ].map((s) => s.toLowerCase()),
);

export function requiresAdminConsent(permission: string): boolean {
  return !USER_CONSENTABLE.has(permission.toLowerCase());
}
