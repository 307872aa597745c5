import type { ComputerRow } from "../../../shared/src/datasets/computers";
import type { UserRow } from "../../../shared/src/datasets/users";
import { addStaff } from "./base-tenant";
import {
  addUser,
  asMember,
  assignRole,
  daysBefore,
  lastSignIn,
  licenceRow,
  mfaStatus,
  type TenantDraft,
} from "./draft";
import { ROLE_CATALOGUE as ROLES } from "./roles";

/**
 * One planter per finding in the catalogue (keyed by finding id): each changes the draft so that
 * exactly that problem exists, the way it shows up in real tenants. Planted accounts have telling
 * names (svc.scanner, former.admin) so golden files read like a story.
 */
export const PROBLEM_PLANTERS = {
  "admins-without-mfa": (draft) => {
    const [first] = globalAdminUsers(draft);
    if (first) changeUser(first, { mfa: mfaStatus(draft, "no") });
  },
  "admins-without-phishing-resistant-mfa": (draft) => {
    const admin = addUser(draft, {
      alias: "exchange.admin",
      displayName: "Exchange Admin",
      mfa: mfaStatus(draft, "yes", "pushAndSms"),
    });
    assignRole(draft, ROLES.exchangeAdministrator.id, asMember(admin));
  },
  "admin-mfa-action-incomplete": (draft) => {
    draft.score.improvementActions = draft.score.improvementActions.map((action) =>
      action.controlName === "AdminMFAV2"
        ? { ...action, currentScore: 4, complete: false }
        : action,
    );
  },
  "users-without-mfa": (draft) => {
    for (const user of someStaff(draft, 0.15)) changeUser(user, { mfa: mfaStatus(draft, "no") });
  },
  "mfa-status-unknown": (draft) => {
    for (const user of someStaff(draft, 0.08)) {
      changeUser(user, { mfa: mfaStatus(draft, "unknown") });
    }
  },
  "security-defaults-off": (draft) => {
    draft.profile.securityDefaultsEnabled = false;
    for (const user of [...draft.users]) {
      changeUser(user, { mfa: { ...user.mfa, securityDefaultsEnabled: false } });
    }
  },
  "global-admin-count": (draft) => {
    const missing = 6 - globalAdminUsers(draft).length;
    for (const user of staffOrNew(draft, Math.max(0, missing))) {
      assignRole(draft, ROLES.globalAdministrator.id, asMember(user));
    }
  },
  "global-admin-without-alternate-email": (draft) => {
    const last = globalAdminUsers(draft).at(-1);
    if (last) changeUser(last, { otherMails: [] });
  },
  "too-many-privileged-users": (draft) => {
    for (const user of staffOrNew(draft, 11)) {
      assignRole(draft, ROLES.helpdeskAdministrator.id, asMember(user));
    }
  },
  "guests-with-roles": (draft) => {
    const guest = addUser(draft, {
      alias: "consultant@contractors.example",
      displayName: "External Consultant",
      userType: "Guest",
    });
    assignRole(draft, ROLES.globalReader.id, asMember(guest));
  },
  "synced-admins": (draft) => {
    const admin = addUser(draft, {
      alias: "onprem.admin",
      displayName: "On-premises Admin",
      mfa: mfaStatus(draft, "yes", "fido2"),
      overrides: { onPremisesSyncEnabled: true },
    });
    assignRole(draft, ROLES.userAdministrator.id, asMember(admin));
  },
  "service-principals-with-privileged-roles": (draft) => {
    assignRole(draft, ROLES.applicationAdministrator.id, {
      id: draft.random.guid(),
      kind: "servicePrincipal",
      displayName: "Legacy Backup Connector",
      identifier: draft.random.guid(),
      viaGroup: null,
    });
  },
  "disabled-admins": (draft) => {
    const admin = addUser(draft, {
      alias: "former.admin",
      displayName: "Former Admin",
      mfa: mfaStatus(draft, "yes", "fido2"),
      lastSignInDaysAgo: 40,
      overrides: { accountEnabled: false },
    });
    assignRole(draft, ROLES.securityAdministrator.id, asMember(admin));
  },
  "new-accounts-with-admin-roles": (draft) => {
    const admin = addUser(draft, {
      alias: "new.admin",
      displayName: "New Admin",
      mfa: mfaStatus(draft, "yes", "fido2"),
      createdDaysAgo: 3,
      lastSignInDaysAgo: 1,
    });
    assignRole(draft, ROLES.securityAdministrator.id, asMember(admin));
  },
  "inactive-admins": (draft) => {
    const admin = addUser(draft, {
      alias: "idle.admin",
      displayName: "Idle Admin",
      mfa: mfaStatus(draft, "yes", "fido2"),
      lastSignInDaysAgo: 150,
    });
    assignRole(draft, ROLES.sharePointAdministrator.id, asMember(admin));
  },
  "recent-role-assignments": (draft) => {
    draft.auditLogs.push({
      id: `Directory_${draft.random.guid()}`,
      activityDateTime: daysBefore(draft.now, 2),
      activity: "Add member to role",
      category: "RoleManagement",
      result: "success",
      resultReason: null,
      loggedByService: "Core Directory",
      correlationId: draft.random.guid(),
      initiatedBy: `admin@${draft.domain}`,
      initiatedByKind: "user",
      initiatedFromIp: "198.51.100.23",
      targets: [`new.admin@${draft.domain}`, ROLES.securityAdministrator.name],
    });
  },
  "inactive-users": (draft) => {
    for (const user of someStaff(draft, 0.1)) {
      changeUser(user, { lastSignIn: lastSignIn(draft, draft.random.int(100, 400)) });
    }
  },
  "guests-never-signed-in": (draft) => {
    addUser(draft, {
      alias: "old.invite@partner.example",
      displayName: "Unredeemed Invitation",
      userType: "Guest",
      createdDaysAgo: 75,
      lastSignInDaysAgo: null,
    });
  },
  "password-never-expires": (draft) => {
    addPasswordPolicy(draft, "DisablePasswordExpiration");
  },
  "weak-passwords-allowed": (draft) => {
    addPasswordPolicy(draft, "DisableStrongPassword");
  },
  "disabled-users-with-licences": (draft) => {
    for (const user of someStaff(draft, 0.06)) changeUser(user, { accountEnabled: false });
  },
  "unused-licence-seats": (draft) => {
    draft.extraLicences.push(
      licenceRow(
        draft,
        {
          skuId: "c5928f49-12ba-48f7-ada3-0d743a3601d5",
          skuPartNumber: "VISIOCLIENT",
          friendlyName: "Visio Plan 2",
        },
        25,
        9,
      ),
    );
  },
  "over-consumed-licences": (draft) => {
    draft.extraLicences.push(
      licenceRow(
        draft,
        {
          skuId: "36a0f3b3-adb5-49ea-bf66-762134cf063a",
          skuPartNumber: "Microsoft_Teams_Premium",
          friendlyName: "Microsoft Teams Premium Introductory Pricing",
        },
        5,
        8,
      ),
    );
  },
  "licences-in-warning-or-suspended": (draft) => {
    // An expired subscription: Graph moves its seats from active to warning units.
    draft.extraLicences.push({
      ...licenceRow(
        draft,
        {
          skuId: "f8a1db68-be16-40ed-86d5-cb42ce701560",
          skuPartNumber: "POWER_BI_PRO",
          friendlyName: "Power BI Pro",
        },
        0,
        0,
      ),
      warningUnits: 10,
      capabilityStatus: "Warning",
    });
  },
  "stale-devices": (draft) => {
    for (const device of someDevices(draft, 0.15)) {
      changeDevice(device, {
        lastActivity: daysBefore(draft.now, draft.random.int(100, 300)),
      });
    }
  },
  "unmanaged-devices": (draft) => {
    for (const device of windowsDevices(draft, 2)) {
      changeDevice(device, { intuneManaged: false, compliant: null, serialNumber: null });
    }
  },
  "noncompliant-devices": (draft) => {
    for (const device of windowsDevices(draft, 2)) {
      changeDevice(device, {
        intuneManaged: draft.profile.intune,
        compliant: draft.profile.intune ? false : null,
      });
    }
  },
  "secure-score-low": (draft) => {
    draft.score.ratio = 0.35;
  },
  "secure-score-dropped": (draft) => {
    draft.score.recentDrop = 8;
  },
  "failed-audit-events": (draft) => {
    for (let i = 0; i < 12; i++) {
      draft.auditLogs.push({
        id: `Directory_${draft.random.guid()}`,
        activityDateTime: daysBefore(draft.now, draft.random.next() * 6),
        activity: "Update user",
        category: "UserManagement",
        result: "failure",
        resultReason: "Insufficient privileges to complete the operation.",
        loggedByService: "Core Directory",
        correlationId: draft.random.guid(),
        initiatedBy: "Contoso HR Sync",
        initiatedByKind: "app",
        initiatedFromIp: null,
        targets: [someStaff(draft, 0)[0]?.userPrincipalName ?? `admin@${draft.domain}`],
      });
    }
  },
  "empty-groups": (draft) => {
    for (const name of ["Project Phoenix (archived)", "Temp - migration"]) {
      draft.groups.push({
        id: draft.random.guid(),
        displayName: name,
        description: null,
        mail: null,
        groupTypes: [],
        mailEnabled: false,
        proxyAddresses: [],
        resourceBehaviorOptions: [],
        securityEnabled: true,
        securityIdentifier: `S-1-12-1-${draft.random.int(1e8, 4e9)}-${draft.random.int(1e8, 4e9)}-${draft.random.int(1e8, 4e9)}-${draft.random.int(1e8, 4e9)}`,
        kind: "Security",
        memberCount: 0,
        onPremisesSyncEnabled: null,
      });
    }
  },
} as const satisfies Record<string, (draft: TenantDraft) => void>;

export type PlantableProblem = keyof typeof PROBLEM_PLANTERS;

/**
 * Changes a user in place: the draft owns its rows, and `staff` and `users` share them, so one
 * assignment updates both lists (and stays O(1) in a 100k-user tenant).
 */
function changeUser(user: UserRow, changes: Partial<UserRow>): UserRow {
  return Object.assign(user, changes);
}

function changeDevice(device: ComputerRow, changes: Partial<ComputerRow>): void {
  Object.assign(device, changes);
}

function globalAdminUsers(draft: TenantDraft): UserRow[] {
  const ids = new Set((draft.roleMembers.get(ROLES.globalAdministrator.id) ?? []).map((m) => m.id));
  return draft.users.filter((user) => ids.has(user.id));
}

/** A seeded choice of about `share` of the staff, at least one (staff are added if there are none). */
function someStaff(draft: TenantDraft, share: number): UserRow[] {
  const wanted = Math.max(1, Math.round(draft.staff.length * share));
  return staffOrNew(draft, wanted);
}

/** `count` distinct staff members, hiring more when the tenant is too small. */
function staffOrNew(draft: TenantDraft, count: number): UserRow[] {
  if (draft.staff.length < count) addStaff(draft, count - draft.staff.length);
  const start = draft.random.int(0, draft.staff.length - 1);
  return Array.from(
    { length: count },
    (_, i) => draft.staff[(start + i) % draft.staff.length] as UserRow,
  );
}

function someDevices(draft: TenantDraft, share: number): ComputerRow[] {
  const wanted = Math.max(1, Math.round(draft.computers.length * share));
  return draft.computers.slice(0, Math.min(wanted, draft.computers.length));
}

/** Windows devices from the end of the list (stale ones are taken from the start). */
function windowsDevices(draft: TenantDraft, count: number): ComputerRow[] {
  const windows = draft.computers.filter(
    (device) => device.os === "Windows" && device.intuneManaged === draft.profile.intune,
  );
  return windows.slice(-count);
}

function addPasswordPolicy(draft: TenantDraft, policy: string): void {
  const existing = draft.users.find(
    (user) => user.userPrincipalName === `svc.scanner@${draft.domain}`,
  );
  const account =
    existing ??
    addUser(draft, {
      alias: "svc.scanner",
      displayName: "Scanner (service account)",
      mfa: mfaStatus(draft, "no"),
    });
  const policies =
    account.passwordPolicies === null ? policy : `${account.passwordPolicies}, ${policy}`;
  changeUser(account, { passwordPolicies: policies });
}
