import { DEPARTMENTS } from "../catalog/people";
import { isoSeconds } from "../graph-ids";
import type { GraphObject } from "../model";
import type { GenerationContext, UserIndex } from "./context";
import { EMPTY, seedObject } from "./context";
import { cloudSecurityIdentifier, domainSid } from "./sids";

type GroupKind =
  | "microsoft365"
  | "security"
  | "mailEnabledSecurity"
  | "distribution"
  | "dynamicSecurity"
  | "dynamicMicrosoft365";

const TEAM_NAMES = [
  "Project Falcon",
  "Sales Team",
  "Marketing Hub",
  "Finance Close",
  "Leadership",
  "Onboarding",
  "Office Events",
  "Product Launch",
  "Customer Success",
  "Research Guild",
  "Procurement Desk",
  "Legal Review",
  "IT Operations",
  "Quality",
  "Social Club",
] as const;

export interface GeneratedGroup {
  object: GraphObject;
  memberIds: string[];
}

/**
 * Microsoft 365, security, mail-enabled security, distribution and dynamic groups, with every
 * v1.0 group property. Dynamic membership needs Entra ID P1, so tenants without it get none.
 */
export function generateGroups(context: GenerationContext, users: UserIndex): GeneratedGroup[] {
  const { spec, rng, tenant } = context;
  const p1 = tenant.licensing.entraIdP1;
  const syncedSid = domainSid(rng);
  const groups: GeneratedGroup[] = [];
  const usedNicknames = new Map<string, number>();
  const byDepartment = membersByDepartment(users);
  const kinds: readonly (readonly [GroupKind, number])[] = [
    ["microsoft365", 38],
    ["security", 30],
    ["mailEnabledSecurity", 8],
    ["distribution", 12],
    ["dynamicSecurity", p1 ? 8 : 0],
    ["dynamicMicrosoft365", p1 ? 4 : 0],
  ];
  for (let i = 0; i < spec.groups; i++) {
    const kind = rng.weighted(kinds);
    const department = rng.pick(DEPARTMENTS);
    const baseName = kind.startsWith("dynamic")
      ? `All ${department}`
      : kind === "security" || kind === "mailEnabledSecurity"
        ? `SG-${department.replace(/ /g, "")}-${rng.pick(["Readers", "Editors", "Admins", "VPN", "Printers", "Files"])}`
        : rng.pick(TEAM_NAMES);
    const seen = usedNicknames.get(baseName) ?? 0;
    usedNicknames.set(baseName, seen + 1);
    const displayName = seen === 0 ? baseName : `${baseName} ${seen + 1}`;
    const mailNickname = displayName.replace(/[^A-Za-z0-9]/g, "").toLowerCase() || `group${i}`;
    const synced =
      (kind === "security" || kind === "mailEnabledSecurity" || kind === "distribution") &&
      rng.chance(spec.onPremisesSyncedShare);
    const object = buildGroup(context, {
      kind,
      displayName,
      mailNickname,
      department,
      synced,
      syncedSid,
      index: i,
    });
    const memberIds = kind.startsWith("dynamic")
      ? (byDepartment.get(department) ?? [])
      : pickMembers(context, users);
    groups.push({ object, memberIds });
  }
  // Some assigned security groups nest another group (Graph lists it among the members).
  for (const group of groups) {
    const nestable =
      group.object.securityEnabled === true && (group.object.groupTypes as string[]).length === 0;
    if (nestable && groups.length > 1 && rng.chance(0.15)) {
      const inner = rng.pick(groups);
      if (inner !== group) group.memberIds.push(inner.object.id);
    }
  }
  for (const group of groups) {
    seedObject(tenant, "groups", group.object);
    tenant.groupMembers.set(group.object.id, group.memberIds);
  }
  return groups;
}

interface GroupPlan {
  kind: GroupKind;
  displayName: string;
  mailNickname: string;
  department: string;
  synced: boolean;
  syncedSid: string;
  index: number;
}

function buildGroup(context: GenerationContext, plan: GroupPlan): GraphObject {
  const { rng, nowMs, tenant, spec } = context;
  const id = rng.guid();
  const createdMs = rng.daysBefore(nowMs, 5, 1800);
  const unified = plan.kind === "microsoft365" || plan.kind === "dynamicMicrosoft365";
  const dynamic = plan.kind === "dynamicSecurity" || plan.kind === "dynamicMicrosoft365";
  const mailEnabled =
    unified || plan.kind === "mailEnabledSecurity" || plan.kind === "distribution";
  const securityEnabled =
    plan.kind === "security" ||
    plan.kind === "mailEnabledSecurity" ||
    plan.kind === "dynamicSecurity";
  const mail = mailEnabled ? `${plan.mailNickname}@${context.mailDomain}` : null;
  const groupTypes = unified
    ? dynamic
      ? ["Unified", "DynamicMembership"]
      : ["Unified"]
    : dynamic
      ? ["DynamicMembership"]
      : EMPTY;
  const team = unified && rng.chance(0.6);
  return {
    id,
    deletedDateTime: null,
    classification: null,
    createdDateTime: isoSeconds(createdMs),
    description: unified
      ? `${plan.displayName} workspace`
      : plan.kind === "distribution"
        ? `${plan.displayName} mailing list`
        : null,
    displayName: plan.displayName,
    expirationDateTime: null,
    groupTypes,
    isAssignableToRole: null,
    mail,
    mailEnabled,
    mailNickname: plan.mailNickname,
    membershipRule: dynamic ? `(user.department -eq "${plan.department}")` : null,
    membershipRuleProcessingState: dynamic ? "On" : null,
    onPremisesDomainName: plan.synced ? `${spec.domainPrefix}.local` : null,
    onPremisesLastSyncDateTime: plan.synced ? isoSeconds(nowMs - rng.int(1, 40) * 60_000) : null,
    onPremisesNetBiosName: plan.synced ? spec.domainPrefix.toUpperCase().slice(0, 15) : null,
    onPremisesProvisioningErrors: EMPTY,
    onPremisesSamAccountName: plan.synced ? plan.mailNickname.slice(0, 20) : null,
    onPremisesSecurityIdentifier: plan.synced ? `${plan.syncedSid}-${5000 + plan.index}` : null,
    onPremisesSyncEnabled: plan.synced ? true : null,
    preferredDataLocation: null,
    preferredLanguage: null,
    proxyAddresses: mail
      ? [`SMTP:${mail}`, `smtp:${plan.mailNickname}@${tenant.initialDomain}`]
      : EMPTY,
    renewedDateTime: isoSeconds(createdMs),
    resourceBehaviorOptions: unified && rng.chance(0.3) ? ["WelcomeEmailDisabled"] : EMPTY,
    resourceProvisioningOptions: team ? ["Team"] : EMPTY,
    securityEnabled,
    securityIdentifier: cloudSecurityIdentifier(id),
    serviceProvisioningErrors: EMPTY,
    theme: null,
    uniqueName: null,
    visibility: unified ? rng.pick(["Public", "Private"]) : null,
  };
}

function pickMembers(context: GenerationContext, users: UserIndex): string[] {
  const { rng } = context;
  const pool = users.members;
  const size = Math.min(pool.length, rng.int(2, 40));
  const ids = new Set<string>();
  for (let k = 0; k < size * 2 && ids.size < size; k++) ids.add(rng.pick(pool).id);
  if (users.guests.length > 0 && rng.chance(0.2)) ids.add(rng.pick(users.guests).id);
  return [...ids];
}

/**
 * Dynamic groups hold exactly the members their rule matches. Groups with the same rule share one
 * frozen member list (nobody can add members to a dynamic group by hand).
 */
function membersByDepartment(users: UserIndex): Map<string, string[]> {
  const byDepartment = new Map<string, string[]>();
  for (const user of users.members) {
    if (typeof user.department !== "string") continue;
    const ids = byDepartment.get(user.department) ?? [];
    ids.push(user.id);
    byDepartment.set(user.department, ids);
  }
  for (const ids of byDepartment.values()) Object.freeze(ids);
  return byDepartment;
}

/** A role-assignable security group (`isAssignableToRole: true`), for the roles step. */
export function buildRoleAssignableGroup(
  context: GenerationContext,
  displayName: string,
  memberIds: string[],
): GeneratedGroup {
  return addSecurityGroup(context, {
    displayName,
    description: `Members hold the ${displayName.replace(/^Role - /, "")} role`,
    memberIds,
    isAssignableToRole: true,
    membershipRule: null,
  });
}

/**
 * The device group most Intune tenants have: Windows devices, dynamic where Entra ID P1 allows
 * (`device.deviceOSType`), otherwise assigned. Its members are device objects, not users.
 */
export function addWindowsDevicesGroup(
  context: GenerationContext,
  devices: readonly GraphObject[],
): GeneratedGroup {
  const dynamic = context.tenant.licensing.entraIdP1;
  return addSecurityGroup(context, {
    displayName: "Intune - Windows Devices",
    description: "Windows devices targeted by Intune configuration profiles",
    memberIds: devices
      .filter((device) => device.operatingSystem === "Windows")
      .map((device) => device.id),
    isAssignableToRole: false,
    membershipRule: dynamic ? '(device.deviceOSType -eq "Windows")' : null,
  });
}

interface SecurityGroupOptions {
  displayName: string;
  description: string;
  memberIds: string[];
  isAssignableToRole: boolean;
  membershipRule: string | null;
}

function addSecurityGroup(
  context: GenerationContext,
  options: SecurityGroupOptions,
): GeneratedGroup {
  const { rng, nowMs } = context;
  const id = rng.guid();
  const createdMs = rng.daysBefore(nowMs, 30, 900);
  const object: GraphObject = {
    id,
    deletedDateTime: null,
    classification: null,
    createdDateTime: isoSeconds(createdMs),
    description: options.description,
    displayName: options.displayName,
    expirationDateTime: null,
    groupTypes: options.membershipRule ? ["DynamicMembership"] : EMPTY,
    isAssignableToRole: options.isAssignableToRole ? true : null,
    mail: null,
    mailEnabled: false,
    mailNickname: options.displayName.replace(/[^A-Za-z0-9]/g, "").toLowerCase(),
    membershipRule: options.membershipRule,
    membershipRuleProcessingState: options.membershipRule ? "On" : null,
    onPremisesDomainName: null,
    onPremisesLastSyncDateTime: null,
    onPremisesNetBiosName: null,
    onPremisesProvisioningErrors: EMPTY,
    onPremisesSamAccountName: null,
    onPremisesSecurityIdentifier: null,
    onPremisesSyncEnabled: null,
    preferredDataLocation: null,
    preferredLanguage: null,
    proxyAddresses: EMPTY,
    renewedDateTime: isoSeconds(createdMs),
    resourceBehaviorOptions: EMPTY,
    resourceProvisioningOptions: EMPTY,
    securityEnabled: true,
    securityIdentifier: cloudSecurityIdentifier(id),
    serviceProvisioningErrors: EMPTY,
    theme: null,
    uniqueName: null,
    visibility: options.isAssignableToRole ? "Private" : null,
  };
  seedObject(context.tenant, "groups", object);
  context.tenant.groupMembers.set(id, options.memberIds);
  return { object, memberIds: options.memberIds };
}
