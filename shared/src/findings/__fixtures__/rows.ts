/**
 * Small, explicit rows for the findings' unit tests: each test states only what matters to it and
 * takes sensible defaults (an enabled member with MFA, signed in yesterday) for the rest.
 */

import type { DatasetId, RowOf } from "../../datasets";
import type { AuditLogRow } from "../../datasets/audit-logs";
import { unavailable } from "../../datasets/cells";
import type { ComputerRow } from "../../datasets/computers";
import type { GroupRow } from "../../datasets/groups";
import type { LicenceRow } from "../../datasets/licences";
import type { RoleMember, RoleRow } from "../../datasets/roles";
import type { SecureScoreRow } from "../../datasets/secure-score";
import type { MfaStatus, UserRow } from "../../datasets/users";
import type { DatasetStatus, SnapshotEnvelope } from "../../snapshot/envelope";
import { computeFindings } from "../compute";
import { DEFAULT_THRESHOLDS, type FindingThresholds } from "../thresholds";
import type { Finding, FindingResult } from "../types";

export const NOW = new Date("2026-11-26T12:00:00Z");
const TENANT_ID = "4c5e6f70-1111-4222-8333-944455556666";

/** An ISO date-time this many days before NOW. */
export function daysAgo(days: number): string {
  return new Date(NOW.getTime() - days * 86_400_000).toISOString();
}

export const MFA_YES: MfaStatus = {
  state: "yes",
  source: "registrationDetails",
  methods: ["microsoftAuthenticatorPush"],
  capable: true,
  detail: "Registered (registration report)",
  securityDefaultsEnabled: false,
};
export const MFA_NO: MfaStatus = {
  ...MFA_YES,
  state: "no",
  methods: [],
  capable: false,
  detail: "Not registered",
};
export const MFA_UNKNOWN: MfaStatus = {
  state: "unknown",
  source: "none",
  methods: [],
  capable: null,
  detail: "Unknown — needs Entra ID P1",
  securityDefaultsEnabled: false,
};
export const SIGN_IN_NEEDS_P1 = unavailable("Needs Entra ID P1");

export function user(id: string, overrides: Partial<UserRow> = {}): UserRow {
  return {
    id,
    userPrincipalName: `${id}@contoso.example`,
    displayName: id,
    mail: `${id}@contoso.example`,
    assignedRoles: [],
    mfa: MFA_YES,
    otherMails: [],
    passwordPolicies: null,
    createdOn: "2024-01-15T09:00:00Z",
    accountEnabled: true,
    userType: "Member",
    onPremisesSyncEnabled: null,
    lastSignIn: daysAgo(1),
    assignedLicenseSkuIds: [],
    ...overrides,
  };
}

export function userMember(member: UserRow): RoleMember {
  return {
    id: member.id,
    kind: "user",
    displayName: member.displayName,
    identifier: member.userPrincipalName,
    viaGroup: null,
  };
}

export function servicePrincipalMember(id: string, displayName: string): RoleMember {
  return { id, kind: "servicePrincipal", displayName, identifier: `app-${id}`, viaGroup: null };
}

export const TEMPLATE = {
  globalAdministrator: "62e90394-69f5-4237-9190-012177145e10",
  userAdministrator: "fe930be7-5e62-47db-91af-98c3a49a38b1",
  exchangeAdministrator: "29232cdf-9323-42fd-ade2-1d097af3e4de",
  /** Not privileged: reads the message center only. */
  messageCenterReader: "790c1fb9-7f7d-4f88-86a1-ef1f95c05c1b",
} as const;

const ROLE_NAMES: Record<string, string> = {
  [TEMPLATE.globalAdministrator]: "Global Administrator",
  [TEMPLATE.userAdministrator]: "User Administrator",
  [TEMPLATE.exchangeAdministrator]: "Exchange Administrator",
  [TEMPLATE.messageCenterReader]: "Message Center Reader",
};

export function role(templateId: string, members: RoleMember[]): RoleRow {
  return {
    id: templateId,
    displayName: ROLE_NAMES[templateId] ?? templateId,
    description: null,
    roleTemplateId: templateId,
    isBuiltIn: true,
    userCount: new Set(members.filter((m) => m.kind === "user").map((m) => m.id)).size,
    members,
  };
}

/** Users holding a role, with `assignedRoles` filled in as the mapper does. */
export function licence(skuPartNumber: string, overrides: Partial<LicenceRow> = {}): LicenceRow {
  const activeUnits = overrides.activeUnits ?? 10;
  const consumedUnits = overrides.consumedUnits ?? 10;
  return {
    id: `${TENANT_ID}_${skuPartNumber}`,
    skuId: `sku-${skuPartNumber}`,
    friendlyName: skuPartNumber,
    skuPartNumber,
    activeUnits,
    consumedUnits,
    warningUnits: 0,
    suspendedUnits: 0,
    lockedOutUnits: 0,
    unusedUnits: activeUnits - consumedUnits,
    capabilityStatus: "Enabled",
    appliesTo: "User",
    ...overrides,
  };
}

export function computer(id: string, overrides: Partial<ComputerRow> = {}): ComputerRow {
  return {
    id,
    deviceId: `device-${id}`,
    assetName: id,
    hostNameOrIp: unavailable("Not available from Microsoft Graph"),
    os: "Windows",
    osVersion: "10.0.26100.2314",
    distinguishedName: unavailable("Not available from Microsoft Graph"),
    intuneManaged: true,
    joinType: "Entra joined",
    compliant: true,
    lastActivity: daysAgo(2),
    accountEnabled: true,
    owner: null,
    manufacturer: null,
    model: null,
    serialNumber: null,
    intuneOnly: false,
    ...overrides,
  };
}

export function group(id: string, overrides: Partial<GroupRow> = {}): GroupRow {
  return {
    id,
    displayName: id,
    description: null,
    mail: null,
    groupTypes: [],
    mailEnabled: false,
    proxyAddresses: [],
    resourceBehaviorOptions: [],
    securityEnabled: true,
    securityIdentifier: null,
    kind: "Security",
    memberCount: 3,
    onPremisesSyncEnabled: null,
    ...overrides,
  };
}

export function auditEvent(id: string, overrides: Partial<AuditLogRow> = {}): AuditLogRow {
  return {
    id,
    activityDateTime: daysAgo(1),
    activity: "Update user",
    category: "UserManagement",
    result: "success",
    resultReason: null,
    loggedByService: "Core Directory",
    correlationId: null,
    initiatedBy: "admin@contoso.example",
    initiatedByKind: "user",
    initiatedFromIp: "203.0.113.7",
    targets: ["someone@contoso.example"],
    ...overrides,
  };
}

export function secureScore(overrides: Partial<SecureScoreRow> = {}): SecureScoreRow {
  return {
    id: `${TENANT_ID}_2026-11-26`,
    createdDateTime: "2026-11-26T00:00:00Z",
    currentScore: 60,
    maxScore: 100,
    percentage: 60,
    comparisons: [],
    controlScores: [],
    improvementActions: [],
    history: [],
    ...overrides,
  };
}

type DatasetRows = { [D in DatasetId]?: RowOf<D>[] };

/** A snapshot holding exactly the given datasets, each `complete` unless `statuses` says else. */
export function snapshotOf(
  rows: DatasetRows,
  statuses: { [D in DatasetId]?: DatasetStatus } = {},
): SnapshotEnvelope {
  const datasets: Record<string, unknown> = {};
  for (const [dataset, datasetRows] of Object.entries(rows)) {
    datasets[dataset] = {
      status: statuses[dataset as DatasetId] ?? { state: "complete" },
      collectedAt: NOW.toISOString(),
      contentHash: "0".repeat(64),
      rows: datasetRows,
    };
  }
  return {
    schemaVersion: 1,
    snapshotId: "9a8b7c6d-0000-4000-8000-000000000001",
    tenantId: TENANT_ID,
    tenantDisplayName: "Contoso",
    companyId: null,
    capturedAt: NOW.toISOString(),
    // Built from typed rows above; the record only loses the per-key typing.
    datasets: datasets as SnapshotEnvelope["datasets"],
  };
}

/** Runs one finding the way computeFindings does, at NOW, with optional threshold overrides. */
export function evaluate(
  finding: Finding,
  snapshot: SnapshotEnvelope,
  thresholds: Partial<FindingThresholds> = {},
): FindingResult {
  const [result] = computeFindings(snapshot, {
    now: NOW,
    thresholds: { ...DEFAULT_THRESHOLDS, ...thresholds },
    findings: [finding],
  });
  if (result === undefined) throw new Error("computeFindings returned no result");
  return result;
}

/** The evidence labels of a result, which is what most assertions compare. */
export function labels(result: FindingResult): string[] {
  return result.evidence.map((item) => item.label);
}
