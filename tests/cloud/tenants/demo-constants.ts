import { EXTENSION_REDIRECT_URI } from "../../../shared/src/extension-identity";

/**
 * Fixed identifiers of the emulator's demo world. They do not depend on the seed, so tests, the
 * emulator's JSON start-up line and the README can name them; the seed varies everything else.
 */

/** One password for every generated member user, for the sign-in page and the ROPC grant. */
export const DEMO_PASSWORD = "Tenantlens-Demo-2026!";

/** The tenantlens app registration (multi-tenant SPA) that the extension signs in with. */
export const DEMO_SPA_APP_ID = "7c6b8a54-2f1e-4d39-9a0b-5e3c1d2f4a68";
export const DEMO_SPA_APP_NAME = "tenantlens";

/** Redirect URIs registered on the SPA platform: the extension's, plus the Vite dev server's and a test origin. */
export const DEMO_SPA_REDIRECT_URIS: readonly string[] = [
  EXTENSION_REDIRECT_URI,
  "http://localhost:5173/",
  "https://tenantlens.test/",
];

/**
 * The delegated Microsoft Graph permissions the SPA app requests: read-only, least privileged for
 * the calls tenantlens makes. The authoritative per-call table is `shared/src/permissions`;
 * `scenarios.test.ts` checks that this list equals its `REQUESTED_SCOPES`.
 */
export const DEMO_SPA_SCOPES: readonly string[] = [
  "User.Read", // sign-in and the signed-in technician's own profile
  "User.Read.All", // users with otherMails, passwordPolicies, accountEnabled, assignedLicenses…
  "GroupMember.Read.All", // groups and their members (least privileged for GET /groups)
  "Device.Read.All", // Entra devices
  "DeviceManagementManagedDevices.Read.All", // Intune managed devices
  "RoleManagement.Read.Directory", // role definitions, assignments, directoryRoles and members
  "AuditLog.Read.All", // directoryAudits, signInActivity, userRegistrationDetails
  "UserAuthenticationMethod.Read.All", // per-user authentication methods when there is no P1
  "SecurityEvents.Read.All", // secureScores and secureScoreControlProfiles
  "LicenseAssignment.Read.All", // subscribedSkus (least privileged since 2023)
  "Policy.Read.All", // identitySecurityDefaultsEnforcementPolicy
  "DelegatedAdminRelationship.Read.All", // tenantRelationships/delegatedAdminCustomers (GDAP)
  "Application.Read.All", // servicePrincipals: is tenantlens' enterprise app present?
  // contracts (CSP customers), oauth2PermissionGrants and, with AuditLog.Read.All, directoryAudits:
  // the least privileged read scope Microsoft documents for each.
  "Directory.Read.All",
];

/** A confidential app for scripts and benchmarks: client credentials and ROPC, no browser. */
export const DEMO_CONFIDENTIAL_APP_ID = "3e9d2c71-6a4b-4f08-8c5e-1b7a9d0e2f43";
export const DEMO_CONFIDENTIAL_APP_NAME = "tenantlens scripts";
/** Shaped like an Entra client secret: a 3-character hint, `~`, then the secret. */
export const DEMO_CONFIDENTIAL_APP_SECRET = "Tl3~emulator.demo.secret-NotForProduction";
export const DEMO_CONFIDENTIAL_REDIRECT_URIS: readonly string[] = [
  "http://localhost:8400/callback",
];
/** Application permissions (app roles) granted to the confidential app where it is consented. */
export const DEMO_CONFIDENTIAL_APP_ROLES: readonly string[] = [
  "User.Read.All",
  "Directory.Read.All",
  "AuditLog.Read.All",
];

/** Demo tenants: fixed ids and initial domains. */
export const DEMO_TENANTS = {
  partner: { id: "4b1e0d5c-8a6f-4e2d-9c3b-7a1f0e2d3c4b", domain: "northwindmsp" },
  contoso: { id: "c0a1b2c3-d4e5-4f60-8172-93a4b5c6d7e8", domain: "contosoretail" },
  fabrikam: { id: "f1a2b3c4-d5e6-4f70-8182-93a4b5c6d7f9", domain: "fabrikamlegal" },
  adatum: { id: "a2b3c4d5-e6f7-4a81-9293-a4b5c6d7e8fa", domain: "adatumhealth" },
  litware: { id: "b3c4d5e6-f7a8-4b92-a3a4-b5c6d7e8f9ab", domain: "litwareinc" },
  tailspin: { id: "d4e5f6a7-b8c9-4ca3-b4b5-c6d7e8f9a0bc", domain: "tailspintoys" },
  wingtip: { id: "e5f6a7b8-c9da-4db4-85c6-d7e8f9a0b1cd", domain: "wingtipdental" },
  standalone: { id: "96a7b8c9-daeb-4ec5-96d7-e8f9a0b1c2de", domain: "proseware" },
} as const;

export type DemoTenantKey = keyof typeof DEMO_TENANTS;

/** `contoso` → `contoso.onmicrosoft.com` */
export function initialDomainOf(domainPrefix: string): string {
  return `${domainPrefix}.onmicrosoft.com`;
}

/** Sign-in names of the demo accounts people use by hand (all with {@link DEMO_PASSWORD}). */
export const DEMO_SIGN_IN_NAMES = {
  /** Partner global admin; also holds GDAP admin access in every customer. */
  partnerAdmin: `admin@${initialDomainOf(DEMO_TENANTS.partner.domain)}`,
  /** Partner technician with GDAP access in some customers only. */
  partnerTechnician: `technician@${initialDomainOf(DEMO_TENANTS.partner.domain)}`,
  /** Global admin of the non-CSP tenant. */
  standaloneAdmin: `admin@${initialDomainOf(DEMO_TENANTS.standalone.domain)}`,
} as const;
