import { shortScopeName } from "../permissions";

/** What Entra ID's error description carries besides the message, for a support ticket. */
export interface ConsentErrorDetail {
  /** OAuth `error`, e.g. `access_denied`, `consent_required`. */
  error: string;
  /** `AADSTS65004`-style code from the description, when present. */
  errorCode: string | null;
  /** Human text, without the trace lines. */
  description: string;
  traceId: string | null;
  correlationId: string | null;
}

export type AdminConsentResult =
  /** Consent granted. `tenantId` is informational only: never trust it for authorisation. */
  | { outcome: "granted"; tenantId: string; scopes: string[]; state: string }
  /** The admin declined (AADSTS65004) or cancelled: nothing was granted. */
  | ({ outcome: "declined" } & ConsentErrorDetail)
  /** The account used belongs to another directory and isn't a guest there (AADSTS50020). */
  | ({ outcome: "wrongTenantUser" } & ConsentErrorDetail)
  /** The redirect's `state` is not ours: ignore it (possible forgery or a stale tab). */
  | { outcome: "stateMismatch"; expectedState: string; receivedState: string | null }
  | ({ outcome: "error" } & ConsentErrorDetail)
  /** Not an admin-consent redirect at all (no admin_consent and no error). */
  | { outcome: "malformed"; reason: string };

function redirectParams(url: string): URLSearchParams | null {
  let parsed: URL;
  try {
    // Doc samples wrap the redirect over several lines; a browser would never send the whitespace.
    parsed = new URL(url.replace(/\s*\n\s*/g, ""));
  } catch {
    return null;
  }
  const query = parsed.searchParams;
  if (query.has("admin_consent") || query.has("error")) return query;
  // Some flows answer in the fragment; read it the same way.
  return new URLSearchParams(parsed.hash.replace(/^#/, ""));
}

function errorDetail(params: URLSearchParams): ConsentErrorDetail {
  const raw = params.get("error_description") ?? "";
  const firstLine = raw.split(/\r?\n/)[0] ?? "";
  return {
    error: params.get("error") ?? "",
    errorCode: /AADSTS\d+/.exec(raw)?.[0] ?? null,
    description: firstLine.replace(/^AADSTS\d+:\s*/, "").trim(),
    traceId: /Trace ID:\s*([0-9a-f-]+)/i.exec(raw)?.[1] ?? null,
    correlationId: /Correlation ID:\s*([0-9a-f-]+)/i.exec(raw)?.[1] ?? null,
  };
}

/**
 * Reads the redirect Entra ID sends back from `/{tenant}/v2.0/adminconsent`.
 *
 * Success: `?admin_consent=True&tenant=…&scope=…&state=…`. Failure: `?error=…&error_description=
 * AADSTS…&state=…`; Microsoft's own sample shows `admin_consent=True` next to an error, so the
 * error wins. The state is checked first: a redirect with someone else's state is never parsed
 * further. https://learn.microsoft.com/en-us/entra/identity-platform/v2-admin-consent
 */
export function parseAdminConsentRedirect(url: string, expectedState: string): AdminConsentResult {
  const params = redirectParams(url);
  if (params === null) return { outcome: "malformed", reason: "The redirect is not a URL." };
  if (!params.has("admin_consent") && !params.has("error")) {
    return { outcome: "malformed", reason: "The URL carries neither admin_consent nor error." };
  }

  const receivedState = params.get("state");
  if (receivedState !== expectedState) {
    return { outcome: "stateMismatch", expectedState, receivedState };
  }

  if (params.has("error")) {
    const detail = errorDetail(params);
    if (detail.errorCode === "AADSTS50020") return { outcome: "wrongTenantUser", ...detail };
    if (detail.errorCode === "AADSTS65004" || detail.error === "access_denied") {
      return { outcome: "declined", ...detail };
    }
    return { outcome: "error", ...detail };
  }

  const tenantId = params.get("tenant");
  if (params.get("admin_consent")?.toLowerCase() !== "true" || !tenantId) {
    return { outcome: "malformed", reason: "admin_consent is not True or the tenant is missing." };
  }
  const scopes = (params.get("scope") ?? "")
    .split(" ")
    .filter((scope) => scope.length > 0)
    .map(shortScopeName);
  return { outcome: "granted", tenantId, scopes, state: receivedState };
}
