import type { AuditLogRow } from "../../../shared/src/datasets/audit-logs";
import type { ComputerRow } from "../../../shared/src/datasets/computers";
import type { GroupRow } from "../../../shared/src/datasets/groups";
import type { UserRow } from "../../../shared/src/datasets/users";
import {
  addUser,
  asMember,
  assignRole,
  daysBefore,
  mfaStatus,
  NO_DISTINGUISHED_NAME,
  NO_HOST_NAME,
  type TenantDraft,
} from "./draft";
import { groupName } from "./names";
import { ROLE_CATALOGUE } from "./roles";

/** Staff: enabled, licensed members with MFA (push), signed in within three weeks. */
export function addStaff(draft: TenantDraft, count: number): UserRow[] {
  const added = Array.from({ length: count }, () => {
    const person = draft.newPerson();
    return addUser(draft, { alias: person.alias, displayName: person.displayName, licensed: true });
  });
  // A loop, not push(...added): spreading 100k arguments overflows the call stack.
  for (const user of added) draft.staff.push(user);
  return added;
}

/**
 * The accounts a well-run tenant has: Global Administrators (cloud-only, FIDO2, with an alternate
 * email for Microsoft's notices), one helpdesk admin, two guests who use their access.
 */
export function addAdminsAndGuests(draft: TenantDraft, globalAdmins: number): void {
  for (let i = 0; i < globalAdmins; i++) {
    const [alias, displayName] =
      i === 0
        ? ["admin", "Tenant Administrator"]
        : i === 1
          ? ["breakglass", "Emergency Access"]
          : [`admin${i + 1}`, `Administrator ${i + 1}`];
    const admin = addUser(draft, {
      alias,
      displayName,
      mfa: mfaStatus(draft, "yes", "fido2"),
      overrides: { otherMails: [`alerts@msp.example`] },
    });
    assignRole(draft, ROLE_CATALOGUE.globalAdministrator.id, asMember(admin));
  }
  const helpdesk = addUser(draft, {
    alias: "it.support",
    displayName: "IT Support",
    mfa: mfaStatus(draft, "yes", "fido2"),
  });
  assignRole(draft, ROLE_CATALOGUE.helpdeskAdministrator.id, asMember(helpdesk));
  for (const [alias, displayName] of [
    ["jordan@fabrikam.example", "Jordan (Fabrikam)"],
    ["sam@northwind.example", "Sam (Northwind)"],
  ] as const) {
    addUser(draft, { alias, displayName, userType: "Guest" });
  }
}

/** Mostly Windows laptops (Entra or hybrid joined), a few Macs and phones; all recently active. */
export function addDevices(draft: TenantDraft, count: number): void {
  const { random, profile } = draft;
  const prefix =
    draft.tenantName
      .replace(/[^A-Za-z]/g, "")
      .slice(0, 7)
      .toUpperCase() || "PC";
  for (let i = 0; i < count; i++) {
    const owner = draft.staff.length > 0 ? random.pick(draft.staff) : undefined;
    const roll = random.next();
    const kind = roll < 0.7 ? "windows" : roll < 0.8 ? "mac" : "phone";
    const assetName =
      kind === "windows"
        ? `${prefix}-LT-${String(i + 1).padStart(4, "0")}`
        : kind === "mac"
          ? `MacBook-${owner?.displayName?.split(" ")[0] ?? "Shared"}-${i + 1}`
          : `${owner?.displayName?.split(" ")[0] ?? "Shared"}'s iPhone ${i + 1}`;
    const joinType: ComputerRow["joinType"] =
      kind === "windows"
        ? random.chance(0.3)
          ? "Hybrid joined"
          : "Entra joined"
        : "Entra registered";
    const [os, osVersion, manufacturer, model] =
      kind === "windows"
        ? ["Windows", `10.0.26100.${random.int(1000, 4000)}`, "Dell Inc.", "Latitude 7450"]
        : kind === "mac"
          ? ["macOS", "15.1.1", "Apple", "MacBookPro18,3"]
          : ["iOS", "18.1", "Apple", "iPhone 16"];
    draft.computers.push({
      id: random.guid(),
      deviceId: random.guid(),
      assetName,
      hostNameOrIp: kind === "windows" ? assetName : NO_HOST_NAME,
      os,
      osVersion,
      distinguishedName: NO_DISTINGUISHED_NAME,
      intuneManaged: profile.intune,
      joinType,
      compliant: profile.intune ? true : null,
      lastActivity: daysBefore(draft.now, random.int(0, 20)),
      accountEnabled: true,
      owner: owner?.userPrincipalName ?? null,
      manufacturer,
      model,
      serialNumber: profile.intune ? random.guid().slice(0, 12).toUpperCase() : null,
      intuneOnly: false,
    });
  }
}

/** Microsoft 365 groups and security groups, each with members. */
export function addGroups(draft: TenantDraft, count: number): void {
  const { random } = draft;
  for (let i = 0; i < count; i++) {
    const name = groupName(i);
    const microsoft365 = i % 2 === 0;
    const mailNickname = name.toLowerCase().replace(/[^a-z0-9]+/g, "-");
    const group: GroupRow = {
      id: random.guid(),
      displayName: name,
      description: `${name} at ${draft.tenantName}`,
      mail: microsoft365 ? `${mailNickname}@${draft.domain}` : null,
      groupTypes: microsoft365 ? ["Unified"] : [],
      mailEnabled: microsoft365,
      proxyAddresses: microsoft365 ? [`SMTP:${mailNickname}@${draft.domain}`] : [],
      resourceBehaviorOptions: [],
      securityEnabled: !microsoft365,
      securityIdentifier: `S-1-12-1-${random.int(1e8, 4e9)}-${random.int(1e8, 4e9)}-${random.int(1e8, 4e9)}-${random.int(1e8, 4e9)}`,
      kind: microsoft365 ? "Microsoft 365" : "Security",
      memberCount: random.int(2, Math.max(2, draft.staff.length)),
      onPremisesSyncEnabled: null,
    };
    draft.groups.push(group);
  }
}

const ROUTINE_ACTIVITIES = [
  ["Update user", "UserManagement"],
  ["Add member to group", "GroupManagement"],
  ["Update device", "Device"],
  ["Reset user password", "UserManagement"],
] as const;

/** Routine successful directory changes spread over the last week, newest first. */
export function addAuditEvents(draft: TenantDraft, count: number): void {
  const { random } = draft;
  const admin = `admin@${draft.domain}`;
  for (let i = 0; i < count; i++) {
    const [activity, category] = random.pick(ROUTINE_ACTIVITIES);
    const target = draft.staff.length > 0 ? random.pick(draft.staff).userPrincipalName : admin;
    const byApp = random.chance(0.25);
    const event: AuditLogRow = {
      id: `Directory_${random.guid()}`,
      activityDateTime: daysBefore(draft.now, random.next() * 6.9),
      activity,
      category,
      result: "success",
      resultReason: null,
      loggedByService: "Core Directory",
      correlationId: random.guid(),
      initiatedBy: byApp ? "Microsoft Intune" : admin,
      initiatedByKind: byApp ? "app" : "user",
      initiatedFromIp: byApp ? null : `203.0.113.${random.int(1, 254)}`,
      targets: [target],
    };
    draft.auditLogs.push(event);
  }
}

function action(
  controlName: string,
  title: string,
  maxScore: number,
  complete: boolean,
  rank: number,
): TenantDraft["score"]["improvementActions"][number] {
  return {
    controlName,
    title,
    remediation: null,
    userImpact: "Low",
    implementationCost: "Low",
    rank,
    maxScore,
    currentScore: complete ? maxScore : 0,
    service: "AzureAD",
    complete,
    deprecated: false,
  };
}

/** A reasonable posture: 62 % of 250 points, admin MFA done, legacy auth still open. */
export function planSecureScore(draft: TenantDraft): void {
  draft.score = {
    maxScore: 250,
    ratio: 0.62,
    recentDrop: 0,
    improvementActions: [
      action(
        "AdminMFAV2",
        "Ensure multifactor authentication is enabled for all users in administrative roles",
        10,
        true,
        1,
      ),
      action(
        "MFARegistrationV2",
        "Ensure multifactor authentication is enabled for all users",
        9,
        true,
        2,
      ),
      action(
        "BlockLegacyAuthentication",
        "Enable Conditional Access policies to block legacy authentication",
        8,
        false,
        3,
      ),
      action("SelfServicePasswordReset", "Enable self-service password reset", 1, false, 12),
    ],
  };
}
