import type { GraphAuthenticationMethod, GraphUserRegistrationDetails } from "../../../graph-types";
import type { MfaStatus } from "../../users";
import { classifyAuthenticationMethod } from "./authentication-methods";

/** Graph's 403 code when the tenant has no Entra ID P1/P2 for a premium report. */
export const NON_PREMIUM_TENANT_ERROR = "Authentication_RequestFromNonPremiumTenantOrB2CTenant";

/** Exactly what the user sees for a tenant without P1 when no per-user methods were collected. */
export const NEEDS_P1_DETAIL = "Unknown — needs Entra ID P1";

/** What is known about one user's MFA, from whichever sources were collected. */
export interface MfaEvidence {
  /** The user's entry in the registration report (P1), if the report was collected and has one. */
  registration: GraphUserRegistrationDetails | undefined;
  /** Why the registration report is missing (a Graph error code), or null if it was collected. */
  registrationUnavailableCode: string | null;
  /** `users/{id}/authentication/methods`, if collected for this user. */
  methods: readonly GraphAuthenticationMethod[] | undefined;
  securityDefaultsEnabled: boolean | null;
}

/**
 * Decides the MFA cell. The registration report (Entra ID P1) is the primary evidence; without it
 * the user's own method list; without either the answer is "unknown" with the reason — a missing
 * report is never shown as "No". https://learn.microsoft.com/graph/api/resources/userregistrationdetails
 */
export function decideMfaStatus(evidence: MfaEvidence): MfaStatus {
  if (evidence.registration) return fromRegistration(evidence.registration, evidence);
  if (evidence.methods) return fromMethods(evidence.methods, evidence);
  return unknown(whyUnknown(evidence.registrationUnavailableCode), evidence);
}

function fromRegistration(
  registration: GraphUserRegistrationDetails,
  evidence: MfaEvidence,
): MfaStatus {
  const capable = registration.isMfaCapable ?? null;
  const base = {
    source: "registrationDetails" as const,
    methods: [...(registration.methodsRegistered ?? [])],
    capable,
    securityDefaultsEnabled: evidence.securityDefaultsEnabled,
  };
  if (!registration.isMfaRegistered) {
    return {
      ...base,
      state: "no",
      detail: withSecurityDefaults(
        "Not registered for MFA (Entra ID registration report).",
        evidence.securityDefaultsEnabled,
      ),
    };
  }
  // isMfaRegistered: a strong method is registered, "not necessarily allowed by the authentication
  // methods policy"; isMfaCapable adds that the policy allows it (userRegistrationDetails resource).
  return {
    ...base,
    state: "yes",
    detail:
      capable === false
        ? "Registered for MFA, but not MFA capable: the authentication methods policy allows none of the registered methods (Entra ID registration report)."
        : "Registered for MFA (Entra ID registration report).",
  };
}

function fromMethods(
  rawMethods: readonly GraphAuthenticationMethod[],
  evidence: MfaEvidence,
): MfaStatus {
  const names: string[] = [];
  const unrecognised: string[] = [];
  let strong = false;
  for (const method of rawMethods) {
    const classified = classifyAuthenticationMethod(method);
    if (!classified) {
      unrecognised.push(method["@odata.type"]);
      continue;
    }
    strong ||= classified.strong;
    if (!names.includes(classified.name)) names.push(classified.name);
  }
  const base = {
    source: "authenticationMethods" as const,
    methods: [...names, ...unrecognised],
    // Capability depends on the authentication methods policy, which only the P1 report evaluates.
    capable: null,
    securityDefaultsEnabled: evidence.securityDefaultsEnabled,
  };
  if (strong) {
    return {
      ...base,
      state: "yes",
      detail: "Has a method usable for MFA (the user's authentication methods).",
    };
  }
  if (unrecognised.length > 0) {
    return {
      ...base,
      state: "unknown",
      detail: withSecurityDefaults(
        `Unknown — no known MFA method, and method types this version does not recognise: ${unrecognised.join(", ")}.`,
        evidence.securityDefaultsEnabled,
      ),
    };
  }
  const what = names.length === 0 ? "no methods" : names.join(", ");
  return {
    ...base,
    state: "no",
    detail: withSecurityDefaults(
      `No method usable for MFA, only ${what} (the user's authentication methods).`,
      evidence.securityDefaultsEnabled,
    ),
  };
}

function whyUnknown(registrationUnavailableCode: string | null): string {
  if (registrationUnavailableCode === NON_PREMIUM_TENANT_ERROR) return `${NEEDS_P1_DETAIL}.`;
  if (registrationUnavailableCode !== null) {
    return `Unknown — the MFA registration report was unavailable (${registrationUnavailableCode}) and the user's methods were not collected.`;
  }
  return "Unknown — the user is not in the MFA registration report and the user's methods were not collected.";
}

function unknown(detail: string, evidence: MfaEvidence): MfaStatus {
  return {
    state: "unknown",
    source: "none",
    methods: [],
    capable: null,
    detail: withSecurityDefaults(detail, evidence.securityDefaultsEnabled),
    securityDefaultsEnabled: evidence.securityDefaultsEnabled,
  };
}

/**
 * Security defaults require every user to register Microsoft Authenticator (or an OATH TOTP app)
 * within 14 days of their first interactive sign-in after they were turned on — newer tenants get
 * no such grace period — which is worth saying next to a "no" or "unknown".
 * https://learn.microsoft.com/entra/fundamentals/security-defaults
 */
function withSecurityDefaults(detail: string, enabled: boolean | null): string {
  if (enabled === true) {
    return `${detail} Security defaults are on: users must register for MFA at sign-in (at most 14 days' grace).`;
  }
  if (enabled === false) return `${detail} Security defaults are off.`;
  return detail;
}
