import type { GraphCaller } from "./auth";
import { GraphError } from "./errors";

/**
 * One row per Graph operation the emulator serves: the permissions its API page's "Permissions"
 * table lists (least privileged first, then the higher privileged ones, any of which works).
 * Empty list = "Not supported." for that permission type. Source = the v1.0 API page in
 * microsoftgraph/microsoft-graph-docs-contrib (api-reference/v1.0/api/…).
 */
/** One permission, or several that are needed together ("AuditLog.Read.All and Directory.Read.All"). */
export type PermissionRequirement = string | readonly string[];

export interface PermissionRule {
  delegated: readonly PermissionRequirement[];
  application: readonly PermissionRequirement[];
  source: string;
}

const DIRECTORY_READ = ["Directory.Read.All", "Directory.ReadWrite.All"] as const;
const ROLE_READ = [
  "RoleManagement.Read.Directory",
  "RoleManagement.Read.All",
  "RoleManagement.ReadWrite.Directory",
  ...DIRECTORY_READ,
] as const;

/** rbacapplication-list-roleassignments: the table spans providers; entitlement scopes count too. */
const ROLE_ASSIGNMENT_READ = [
  ...ROLE_READ,
  "EntitlementManagement.Read.All",
  "EntitlementManagement.ReadWrite.All",
] as const;

export const PERMISSIONS = {
  listUsers: {
    delegated: ["User.ReadBasic.All", "User.Read.All", "User.ReadWrite.All", ...DIRECTORY_READ],
    application: ["User.Read.All", "User.ReadWrite.All", ...DIRECTORY_READ],
    source: "user-list.md",
  },
  getUser: {
    delegated: ["User.ReadBasic.All", "User.Read.All", "User.ReadWrite.All", ...DIRECTORY_READ],
    application: ["User.Read.All", "User.ReadWrite.All", ...DIRECTORY_READ],
    source: "user-get.md",
  },
  getMe: {
    delegated: [
      "User.Read",
      "User.ReadWrite",
      "User.ReadBasic.All",
      "User.Read.All",
      "User.ReadWrite.All",
      ...DIRECTORY_READ,
    ],
    application: [],
    source: "user-get.md (GET /me: delegated only)",
  },
  userDelta: {
    delegated: [
      "User.Read",
      ...DIRECTORY_READ,
      "User.Read.All",
      "User.ReadBasic.All",
      "User.ReadWrite",
      "User.ReadWrite.All",
    ],
    application: ["User.Read.All", ...DIRECTORY_READ, "User.ReadWrite.All"],
    source: "user-delta.md (includes/permissions/user-delta-permissions.md)",
  },
  listAuthenticationMethods: {
    delegated: ["UserAuthenticationMethod.Read.All", "UserAuthenticationMethod.ReadWrite.All"],
    application: ["UserAuthenticationMethod.Read.All", "UserAuthenticationMethod.ReadWrite.All"],
    source: "authentication-list-methods.md (acting on other users)",
  },
  listDevices: {
    delegated: ["Device.Read.All", "Directory.ReadWrite.All"],
    application: ["Device.Read.All", "Device.ReadWrite.All", ...DIRECTORY_READ],
    source: "device-list.md",
  },
  deviceDelta: {
    delegated: ["Device.Read.All"],
    application: ["Device.Read.All"],
    source: "device-delta.md",
  },
  listManagedDevices: {
    delegated: [
      "DeviceManagementManagedDevices.Read.All",
      "DeviceManagementManagedDevices.ReadWrite.All",
    ],
    application: [
      "DeviceManagementManagedDevices.Read.All",
      "DeviceManagementManagedDevices.ReadWrite.All",
    ],
    source: "intune-devices-manageddevice-list.md",
  },
  listGroups: {
    delegated: ["GroupMember.Read.All", "Group.Read.All", "Group.ReadWrite.All", ...DIRECTORY_READ],
    application: [
      "GroupMember.Read.All",
      "Group.Read.All",
      "Group.ReadWrite.All",
      ...DIRECTORY_READ,
    ],
    source: "group-list.md",
  },
  groupDelta: {
    delegated: ["GroupMember.Read.All", "Group.Read.All", "Group.ReadWrite.All", ...DIRECTORY_READ],
    application: [
      "GroupMember.Read.All",
      "Group.Read.All",
      "Group.ReadWrite.All",
      ...DIRECTORY_READ,
    ],
    source: "group-delta.md",
  },
  deleteGroup: {
    delegated: ["Group.ReadWrite.All", "Directory.ReadWrite.All"],
    application: ["Group.ReadWrite.All", "Directory.ReadWrite.All"],
    source: "group-delete.md",
  },
  listGroupMembers: {
    delegated: [
      "GroupMember.Read.All",
      "Group.Read.All",
      "GroupMember.ReadWrite.All",
      "Group.ReadWrite.All",
      ...DIRECTORY_READ,
    ],
    application: [
      "GroupMember.Read.All",
      "Group.Read.All",
      "GroupMember.ReadWrite.All",
      "Group.ReadWrite.All",
      ...DIRECTORY_READ,
    ],
    source: "group-list-members.md",
  },
  listSubscribedSkus: {
    delegated: [
      "LicenseAssignment.Read.All",
      ...DIRECTORY_READ,
      "Organization.Read.All",
      "Organization.ReadWrite.All",
    ],
    application: [
      "LicenseAssignment.Read.All",
      ...DIRECTORY_READ,
      "Organization.Read.All",
      "Organization.ReadWrite.All",
    ],
    source: "subscribedsku-list.md",
  },
  listDirectoryRoles: {
    delegated: ROLE_READ,
    application: ROLE_READ,
    source: "directoryrole-list.md",
  },
  listDirectoryRoleMembers: {
    delegated: ROLE_READ,
    application: ROLE_READ,
    source: "directoryrole-list-members.md",
  },
  directoryRoleDelta: {
    delegated: ROLE_READ,
    application: ROLE_READ,
    source: "directoryrole-delta.md",
  },
  listRoleAssignments: {
    delegated: ROLE_ASSIGNMENT_READ,
    application: ROLE_ASSIGNMENT_READ,
    source: "rbacapplication-list-roleassignments.md",
  },
  listRoleDefinitions: {
    delegated: ROLE_READ,
    application: ROLE_READ,
    source: "rbacapplication-list-roledefinitions.md",
  },
  listDirectoryAudits: {
    // Both together: the table reads "AuditLog.Read.All and Directory.Read.All".
    delegated: [["AuditLog.Read.All", "Directory.Read.All"]],
    application: [["AuditLog.Read.All", "Directory.Read.All"]],
    source: "directoryaudit-list.md",
  },
  listUserRegistrationDetails: {
    delegated: ["AuditLog.Read.All"],
    application: ["AuditLog.Read.All"],
    source: "authenticationmethodsroot-list-userregistrationdetails.md",
  },
  listSecureScores: {
    delegated: ["SecurityEvents.Read.All", "SecurityEvents.ReadWrite.All"],
    application: ["SecurityEvents.Read.All", "SecurityEvents.ReadWrite.All"],
    source: "security-list-securescores.md",
  },
  listSecureScoreControlProfiles: {
    delegated: ["SecurityEvents.Read.All", "SecurityEvents.ReadWrite.All"],
    application: ["SecurityEvents.Read.All", "SecurityEvents.ReadWrite.All"],
    source: "security-list-securescorecontrolprofiles.md",
  },
  listContracts: {
    delegated: DIRECTORY_READ,
    application: DIRECTORY_READ,
    source: "contract-list.md",
  },
  listDelegatedAdminCustomers: {
    delegated: ["DelegatedAdminRelationship.Read.All", "DelegatedAdminRelationship.ReadWrite.All"],
    application: [],
    source: "tenantrelationship-list-delegatedadmincustomers.md (application: not supported)",
  },
  listDelegatedAdminRelationships: {
    delegated: ["DelegatedAdminRelationship.Read.All", "DelegatedAdminRelationship.ReadWrite.All"],
    application: [
      "DelegatedAdminRelationship.Read.All",
      "DelegatedAdminRelationship.ReadWrite.All",
    ],
    source: "tenantrelationship-list-delegatedadminrelationships.md",
  },
  listOrganization: {
    delegated: [
      "User.Read",
      "Organization.Read.All",
      ...DIRECTORY_READ,
      "Organization.ReadWrite.All",
    ],
    application: ["Organization.Read.All", ...DIRECTORY_READ, "Organization.ReadWrite.All"],
    source: "organization-list.md",
  },
  listServicePrincipals: {
    delegated: ["Application.Read.All", "Application.ReadWrite.All", ...DIRECTORY_READ],
    application: [
      "Application.Read.All",
      "Application.ReadWrite.OwnedBy",
      "Application.ReadWrite.All",
      ...DIRECTORY_READ,
    ],
    source: "serviceprincipal-list.md",
  },
  deleteServicePrincipal: {
    delegated: ["Application.ReadWrite.All", "Directory.ReadWrite.All"],
    application: [
      "Application.ReadWrite.OwnedBy",
      "Application.ReadWrite.All",
      "Directory.ReadWrite.All",
    ],
    source: "serviceprincipal-delete.md",
  },
  listAppRoleAssignedTo: {
    delegated: ["Application.Read.All", "Application.ReadWrite.All", ...DIRECTORY_READ],
    application: ["Application.Read.All", "Application.ReadWrite.All", ...DIRECTORY_READ],
    source: "serviceprincipal-list-approleassignedto.md",
  },
  createAppRoleAssignment: {
    delegated: ["AppRoleAssignment.ReadWrite.All", "Directory.ReadWrite.All"],
    application: ["AppRoleAssignment.ReadWrite.All", "Directory.ReadWrite.All"],
    source: "serviceprincipal-post-approleassignedto.md",
  },
  listOAuth2PermissionGrants: {
    delegated: [
      "DelegatedPermissionGrant.Read.All",
      "DelegatedPermissionGrant.ReadWrite.All",
      ...DIRECTORY_READ,
    ],
    application: [
      "DelegatedPermissionGrant.Read.All",
      "DelegatedPermissionGrant.ReadWrite.All",
      ...DIRECTORY_READ,
    ],
    source: "oauth2permissiongrant-list.md",
  },
  createOAuth2PermissionGrant: {
    delegated: ["DelegatedPermissionGrant.ReadWrite.All", "Directory.ReadWrite.All"],
    application: ["DelegatedPermissionGrant.ReadWrite.All", "Directory.ReadWrite.All"],
    source: "oauth2permissiongrant-post.md",
  },
  getSecurityDefaultsPolicy: {
    delegated: ["Policy.Read.All", "Policy.ReadWrite.ConditionalAccess"],
    application: ["Policy.Read.All", "Policy.ReadWrite.ConditionalAccess"],
    source: "identitysecuritydefaultsenforcementpolicy-get.md",
  },
  listConditionalAccessPolicies: {
    delegated: ["Policy.Read.All", "Policy.ReadWrite.ConditionalAccess"],
    application: ["Policy.Read.All", "Policy.ReadWrite.ConditionalAccess"],
    source: "conditionalaccessroot-list-policies.md",
  },
  listMyMemberOf: {
    delegated: ["User.Read", "GroupMember.Read.All", "Group.Read.All", ...DIRECTORY_READ],
    application: [],
    source: "user-list-memberof.md (GET /me/memberOf)",
  },
} as const satisfies Record<string, PermissionRule>;

export type PermissionKey = keyof typeof PERMISSIONS;

/**
 * Graph's answer when the token carries none of the operation's permissions
 * (`samples/batch-response.json` item 3).
 */
export function requirePermission(caller: GraphCaller, key: PermissionKey): void {
  const rule: PermissionRule = PERMISSIONS[key];
  const accepted = caller.kind === "delegated" ? rule.delegated : rule.application;
  const met = (requirement: PermissionRequirement) =>
    typeof requirement === "string"
      ? caller.permissions.has(requirement)
      : requirement.every((permission) => caller.permissions.has(permission));
  if (!accepted.some(met)) {
    throw new GraphError(
      403,
      "Authorization_RequestDenied",
      "Insufficient privileges to complete the operation.",
    );
  }
}

/** `signInActivity` additionally needs AuditLog.Read.All (user.md, signInActivity property). */
export function requireSignInActivityPermission(caller: GraphCaller): void {
  if (!caller.permissions.has("AuditLog.Read.All")) {
    throw new GraphError(
      403,
      "Authorization_RequestDenied",
      "Insufficient privileges to complete the operation.",
    );
  }
}
