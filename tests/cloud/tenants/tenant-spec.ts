import type { EmulatedTenant } from "./model";

/**
 * What a test (or a scenario, or the admin API) asks for when it creates a tenant. Everything but
 * the name and domain has a realistic default; `resolveTenantSpec` fills them in.
 */
export interface TenantSpec {
  /** Tenant GUID; derived from the seed and domain when absent. */
  id?: string;
  displayName: string;
  /** `contoso` → `contoso.onmicrosoft.com` (the initial domain). */
  domainPrefix: string;
  /** A verified custom domain users and mail use, e.g. `contoso.com`; `null` for none. */
  customDomain?: string | null;
  kind?: EmulatedTenant["kind"];
  seed?: number;
  /** "Now" for every generated timestamp (epoch ms). */
  nowMs?: number;
  /** Member users, the built-in admin accounts included. */
  users?: number;
  guests?: number;
  devices?: number;
  groups?: number;
  auditEvents?: number;
  /** Subscriptions; default one Microsoft 365 Business Premium seat per member. */
  skus?: SkuSpec[];
  /** Default: on when the tenant has no Entra ID P1 (where Conditional Access is unavailable). */
  securityDefaultsEnabled?: boolean;
  /** Share of members synchronised from on-premises Active Directory (0 = cloud-only tenant). */
  onPremisesSyncedShare?: number;
  /** Share of members registered for MFA. */
  mfaRegisteredShare?: number;
  /** Secure Score fell by at least 5 points over the last days. */
  secureScoreDrop?: boolean;
  /** For a CSP customer: the partner tenant and which of its users hold delegated admin (GDAP). */
  partner?: { tenantId: string; delegatedAdminUserIds: string[] };
  /** Consent state of apps in this tenant; default: every registered app consented. */
  consent?: ConsentSpec[];
  /** Extra named members (partner technicians, …) with their directory roles. */
  namedUsers?: NamedUserSpec[];
}

export interface SkuSpec {
  /** A `skuPartNumber` from the catalogue, e.g. `SPB`, `SPE_E3`, `AAD_PREMIUM`. */
  skuPartNumber: string;
  /** Purchased units. */
  seats: number;
  /** Users holding the licence; default min(seats, members). */
  assigned?: number;
  capabilityStatus?: "Enabled" | "Warning" | "Suspended";
}

export type ConsentState =
  /** Admin consent granted for every scope the app requests. */
  | "granted"
  /** Never consented: no service principal (sign-in gives AADSTS65001, CSP access AADSTS90099). */
  | "notGranted"
  /** Consented earlier, but the app has since asked for more: the grant lacks `missingScopes`. */
  | "missingScopes"
  /** Consented, then the enterprise app was deleted: service principal and grants are gone. */
  | "servicePrincipalDeleted";

export interface ConsentSpec {
  appId: string;
  state: ConsentState;
  /** For `missingScopes`: scopes left out of the grant. */
  missingScopes?: string[];
}

export interface NamedUserSpec {
  /** Local part of the UPN: `technician` → `technician@<initial domain>`. */
  mailNickname: string;
  displayName: string;
  /** Role keys (`helpdeskAdministrator`) or display names (`Helpdesk Administrator`). */
  roles: string[];
  jobTitle?: string;
}

export interface ResolvedTenantSpec {
  id: string | null;
  displayName: string;
  domainPrefix: string;
  customDomain: string | null;
  kind: EmulatedTenant["kind"];
  seed: number;
  nowMs: number;
  users: number;
  guests: number;
  devices: number;
  groups: number;
  auditEvents: number;
  skus: SkuSpec[];
  securityDefaultsEnabled: boolean | null;
  onPremisesSyncedShare: number;
  mfaRegisteredShare: number;
  secureScoreDrop: boolean;
  partner: { tenantId: string; delegatedAdminUserIds: string[] } | null;
  consent: ConsentSpec[] | null;
  namedUsers: NamedUserSpec[];
}

/** A fixed default "now" so that tenants built without one are still deterministic. */
export const DEFAULT_NOW_MS = Date.UTC(2026, 0, 15, 12, 0, 0);

export class InvalidTenantSpecError extends Error {
  override name = "InvalidTenantSpecError";
}

function count(value: number | undefined, fallback: number, field: string): number {
  const n = value ?? fallback;
  if (!Number.isInteger(n) || n < 0) {
    throw new InvalidTenantSpecError(`${field} must be a whole number ≥ 0, got ${String(value)}`);
  }
  return n;
}

function share(value: number | undefined, fallback: number, field: string): number {
  const n = value ?? fallback;
  if (!(n >= 0 && n <= 1))
    throw new InvalidTenantSpecError(`${field} must be between 0 and 1, got ${String(value)}`);
  return n;
}

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const DOMAIN = /^(?!.*\.onmicrosoft\.com$)[a-z0-9-]+(\.[a-z0-9-]+)+$/i;
const KINDS: readonly EmulatedTenant["kind"][] = ["partner", "customer", "standalone"];

/** Checks a spec (it may come from JSON through the admin API) and fills in the defaults. */
export function resolveTenantSpec(spec: TenantSpec): ResolvedTenantSpec {
  if (typeof spec.displayName !== "string" || !spec.displayName.trim()) {
    throw new InvalidTenantSpecError("displayName is required");
  }
  if (
    typeof spec.domainPrefix !== "string" ||
    !/^[a-z0-9][a-z0-9-]{0,62}$/.test(spec.domainPrefix)
  ) {
    throw new InvalidTenantSpecError(
      `domainPrefix must be lower-case letters, digits and hyphens (the part before .onmicrosoft.com), got "${String(spec.domainPrefix)}"`,
    );
  }
  if (spec.id !== undefined && !GUID.test(spec.id))
    throw new InvalidTenantSpecError(`id must be a GUID, got "${spec.id}"`);
  if (spec.customDomain != null && !DOMAIN.test(spec.customDomain)) {
    throw new InvalidTenantSpecError(
      `customDomain must be a DNS name outside onmicrosoft.com, got "${spec.customDomain}"`,
    );
  }
  if (spec.kind !== undefined && !KINDS.includes(spec.kind)) {
    throw new InvalidTenantSpecError(
      `kind must be one of ${KINDS.join(", ")}, got "${String(spec.kind)}"`,
    );
  }
  if (spec.seed !== undefined && !Number.isSafeInteger(spec.seed))
    throw new InvalidTenantSpecError(`seed must be an integer, got ${String(spec.seed)}`);
  if (spec.nowMs !== undefined && !Number.isFinite(spec.nowMs))
    throw new InvalidTenantSpecError(`nowMs must be epoch milliseconds, got ${String(spec.nowMs)}`);
  // Every tenant has at least its admin and emergency-access accounts.
  const users = Math.max(2, count(spec.users, 25, "users"));
  return {
    id: spec.id?.toLowerCase() ?? null,
    displayName: spec.displayName,
    domainPrefix: spec.domainPrefix,
    customDomain:
      spec.customDomain === undefined
        ? `${spec.domainPrefix}.com`
        : (spec.customDomain?.toLowerCase() ?? null),
    kind: spec.kind ?? "standalone",
    seed: spec.seed ?? 1,
    nowMs: spec.nowMs ?? DEFAULT_NOW_MS,
    users,
    guests: count(spec.guests, Math.round(users * 0.06), "guests"),
    devices: count(spec.devices, Math.round(users * 0.9), "devices"),
    groups: count(spec.groups, Math.max(4, Math.round(users / 12)), "groups"),
    auditEvents: count(spec.auditEvents, Math.min(5000, users * 4), "auditEvents"),
    skus: spec.skus ?? [{ skuPartNumber: "SPB", seats: users + 3 }],
    securityDefaultsEnabled: spec.securityDefaultsEnabled ?? null,
    onPremisesSyncedShare: share(spec.onPremisesSyncedShare, 0, "onPremisesSyncedShare"),
    mfaRegisteredShare: share(spec.mfaRegisteredShare, 0.75, "mfaRegisteredShare"),
    secureScoreDrop: spec.secureScoreDrop ?? false,
    partner: spec.partner ?? null,
    consent: spec.consent ?? null,
    namedUsers: spec.namedUsers ?? [],
  };
}
