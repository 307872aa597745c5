import type { AuditLogRow } from "../../../shared/src/datasets/audit-logs";
import { unavailable } from "../../../shared/src/datasets/cells";
import type { ComputerRow } from "../../../shared/src/datasets/computers";
import type { GroupRow } from "../../../shared/src/datasets/groups";
import type { LicenceRow } from "../../../shared/src/datasets/licences";
import type { RoleMember } from "../../../shared/src/datasets/roles";
import type { SecureScoreRow } from "../../../shared/src/datasets/secure-score";
import type { MfaStatus, UserRow } from "../../../shared/src/datasets/users";
import { SIGN_IN_NEEDS_P1 } from "../../../shared/src/datasets/users/last-sign-in";
import { NEEDS_P1_DETAIL } from "../../../shared/src/datasets/users/mfa/mfa-status";
import type { Person } from "./names";
import type { Random } from "./random";

/** The tenant's licensing and settings, resolved from the builder's options. */
export interface TenantProfile {
  entraIdP1: boolean;
  authenticationMethodsCollected: boolean;
  intune: boolean;
  securityDefaultsEnabled: boolean;
}

/** Secure Score inputs; the row (with its history) is written when the snapshot is assembled. */
export interface ScorePlan {
  maxScore: number;
  /** Today's score as a share of the maximum. */
  ratio: number;
  /** Points lost over the last three days (0 = a steady climb). */
  recentDrop: number;
  improvementActions: SecureScoreRow["improvementActions"];
}

/** A tenant being generated: plain rows that planters may change before assembly. */
export interface TenantDraft {
  random: Random;
  now: Date;
  profile: TenantProfile;
  tenantId: string;
  tenantName: string;
  /** `contoso.example`: a reserved domain, never a real one. */
  domain: string;
  newPerson: () => Person;
  /** Ordinary employees (a subset of `users`), from which planters pick victims. */
  staff: UserRow[];
  users: UserRow[];
  /** Role template id → members; turned into role rows and `assignedRoles` at assembly. */
  roleMembers: Map<string, RoleMember[]>;
  /** The main SKU every staff member holds; its consumed units are counted at assembly. */
  mainSku: { skuId: string; skuPartNumber: string; friendlyName: string; spare: number };
  extraLicences: LicenceRow[];
  computers: ComputerRow[];
  groups: GroupRow[];
  auditLogs: AuditLogRow[];
  score: ScorePlan;
}

const DAY_MS = 86_400_000;

export function daysBefore(now: Date, days: number): string {
  return new Date(now.getTime() - days * DAY_MS).toISOString();
}

/** Methods by how the mapper names them for each MFA source. */
export type MethodKind = "push" | "pushAndSms" | "fido2";
const METHOD_NAMES: Record<
  MethodKind,
  Record<"registrationDetails" | "authenticationMethods", string[]>
> = {
  push: {
    registrationDetails: ["microsoftAuthenticatorPush", "softwareOneTimePasscode"],
    authenticationMethods: ["microsoftAuthenticator", "softwareOneTimePasscode"],
  },
  pushAndSms: {
    registrationDetails: ["microsoftAuthenticatorPush", "mobilePhone"],
    authenticationMethods: ["microsoftAuthenticator", "mobilePhone"],
  },
  fido2: {
    registrationDetails: ["fido2", "microsoftAuthenticatorPush"],
    authenticationMethods: ["fido2", "microsoftAuthenticator"],
  },
};

/**
 * An MFA answer as the users mapper gives it for this tenant: from the registration report with
 * P1, from each user's methods when those were collected, otherwise "unknown — needs P1".
 */
export function mfaStatus(
  draft: TenantDraft,
  state: "yes" | "no" | "unknown",
  methods: MethodKind = "push",
): MfaStatus {
  const { entraIdP1, authenticationMethodsCollected, securityDefaultsEnabled } = draft.profile;
  const source = entraIdP1
    ? "registrationDetails"
    : authenticationMethodsCollected
      ? "authenticationMethods"
      : "none";
  if (source === "none" || state === "unknown") {
    return {
      state: "unknown",
      source: "none",
      methods: [],
      capable: null,
      detail: entraIdP1 ? "Unknown — not in the registration report yet" : `${NEEDS_P1_DETAIL}.`,
      securityDefaultsEnabled,
    };
  }
  const registered = state === "yes";
  return {
    state,
    source,
    methods: registered ? METHOD_NAMES[methods][source] : [],
    capable: source === "registrationDetails" ? registered : null,
    detail: registered
      ? `Registered for MFA (${source === "registrationDetails" ? "registration report" : "authentication methods"})`
      : "Not registered for MFA",
    securityDefaultsEnabled,
  };
}

export function lastSignIn(draft: TenantDraft, daysAgo: number | null): UserRow["lastSignIn"] {
  if (!draft.profile.entraIdP1) return SIGN_IN_NEEDS_P1;
  return daysAgo === null ? null : daysBefore(draft.now, daysAgo);
}

export interface NewUser {
  alias: string;
  displayName: string;
  userType?: "Member" | "Guest";
  mfa?: MfaStatus;
  createdDaysAgo?: number;
  lastSignInDaysAgo?: number | null;
  licensed?: boolean;
  overrides?: Partial<UserRow>;
}

/** Adds a user with the tenant's defaults (enabled, cloud-only, MFA with push, signed in lately). */
export function addUser(draft: TenantDraft, spec: NewUser): UserRow {
  const { random } = draft;
  const upn =
    spec.userType === "Guest"
      ? `${spec.alias.replace("@", "_")}#EXT#@${draft.domain}`
      : `${spec.alias}@${draft.domain}`;
  const user: UserRow = {
    id: random.guid(),
    userPrincipalName: upn,
    displayName: spec.displayName,
    mail: spec.userType === "Guest" ? spec.alias : upn,
    assignedRoles: [],
    mfa: spec.mfa ?? mfaStatus(draft, spec.userType === "Guest" ? "no" : "yes"),
    otherMails: [],
    passwordPolicies: null,
    createdOn: daysBefore(draft.now, spec.createdDaysAgo ?? random.int(120, 1500)),
    accountEnabled: true,
    userType: spec.userType ?? "Member",
    onPremisesSyncEnabled: null,
    lastSignIn: lastSignIn(
      draft,
      spec.lastSignInDaysAgo === undefined ? random.int(0, 20) : spec.lastSignInDaysAgo,
    ),
    assignedLicenseSkuIds: spec.licensed ? [draft.mainSku.skuId] : [],
    ...spec.overrides,
  };
  draft.users.push(user);
  return user;
}

export function assignRole(draft: TenantDraft, templateId: string, member: RoleMember): void {
  const members = draft.roleMembers.get(templateId) ?? [];
  members.push(member);
  draft.roleMembers.set(templateId, members);
}

export function asMember(user: UserRow): RoleMember {
  return {
    id: user.id,
    kind: "user",
    displayName: user.displayName,
    identifier: user.userPrincipalName,
    viaGroup: null,
  };
}

export const NO_HOST_NAME = unavailable(
  "Not available from Microsoft Graph: v1.0 has no host name or IP address for devices; only a joined Windows device's name is its host name",
);
export const NO_DISTINGUISHED_NAME = unavailable(
  "Not available from Microsoft Graph: Entra ID does not sync a device's on-premises distinguished name",
);

/** A licence row with every seat enabled and nothing in warning, suspended or locked out. */
export function licenceRow(
  draft: TenantDraft,
  sku: { skuId: string; skuPartNumber: string; friendlyName: string },
  activeUnits: number,
  consumedUnits: number,
): LicenceRow {
  return {
    id: `${draft.tenantId}_${sku.skuId}`,
    skuId: sku.skuId,
    friendlyName: sku.friendlyName,
    skuPartNumber: sku.skuPartNumber,
    activeUnits,
    consumedUnits,
    warningUnits: 0,
    suspendedUnits: 0,
    lockedOutUnits: 0,
    unusedUnits: activeUnits - consumedUnits,
    capabilityStatus: "Enabled",
    appliesTo: "User",
  };
}
