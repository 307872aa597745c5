import type { DatasetId } from "../datasets";

/**
 * Every Microsoft Graph call tenantlens makes, with the least-privileged delegated permission
 * Microsoft documents for it (the "Permissions" table of the API page cited in `doc`).
 *
 * `scopes` lists every scope the call needs (Microsoft sometimes documents "X and Y", e.g.
 * directoryAudits). Where we deliberately request something other than the table's "least
 * privileged" column, `note` says why. The catalogue is data: the total requested set, the
 * consent URL and the "which permission is missing" hints are all derived from it.
 */
export interface GraphCallPermission {
  method: "GET" | "DELETE";
  /** Path as documented, relative to https://graph.microsoft.com/v1.0. */
  path: string;
  /** Delegated (work or school account) scopes, all required. */
  scopes: readonly string[];
  /** Datasets this call feeds; empty for tenant discovery and consent checks. */
  datasets: readonly DatasetId[];
  /** "consent": granted up front by admin consent; "onDemand": requested incrementally when used. */
  requested: "consent" | "onDemand";
  /** The Microsoft Learn page whose Permissions table this entry follows. */
  doc: string;
  /** Licence or role prerequisites and deviations from the table, with the reason. */
  note?: string;
}

const LEARN = "https://learn.microsoft.com/en-us/graph/api";

export const GRAPH_CALLS = {
  listUsers: {
    method: "GET",
    path: "/users",
    scopes: ["User.Read.All"],
    datasets: ["users"],
    requested: "consent",
    doc: `${LEARN}/user-list`,
    note:
      "The table's least privileged scope, User.ReadBasic.All, returns only the basic profile; " +
      "otherMails, passwordPolicies, createdDateTime, accountEnabled, onPremisesSyncEnabled and " +
      "assignedLicenses need User.Read.All (the next scope up, still read-only).",
  },
  usersDelta: {
    method: "GET",
    path: "/users/delta",
    scopes: ["User.Read.All"],
    datasets: ["users"],
    requested: "consent",
    doc: `${LEARN}/user-delta`,
    note:
      "The table's least privileged delegated scope is User.Read (the signed-in user); tracking " +
      "every user's changes needs User.Read.All, as for GET /users.",
  },
  listUsersSignInActivity: {
    method: "GET",
    path: "/users?$select=signInActivity",
    scopes: ["User.Read.All", "AuditLog.Read.All"],
    datasets: ["users"],
    requested: "consent",
    doc: `${LEARN}/user-list`,
    note: "signInActivity is returned only with $select, needs AuditLog.Read.All and an Entra ID P1 licence.",
  },
  listUserRegistrationDetails: {
    method: "GET",
    path: "/reports/authenticationMethods/userRegistrationDetails",
    scopes: ["AuditLog.Read.All"],
    datasets: ["users"],
    requested: "consent",
    doc: `${LEARN}/authenticationmethodsroot-list-userregistrationdetails`,
    note: "Needs Entra ID P1/P2; without it Graph answers 403 Authentication_RequestFromNonPremiumTenantOrB2CTenant.",
  },
  listUserAuthenticationMethods: {
    method: "GET",
    path: "/users/{id}/authentication/methods",
    scopes: ["UserAuthenticationMethod.Read.All"],
    datasets: ["users"],
    requested: "consent",
    doc: `${LEARN}/authentication-list-methods`,
    note: "Permissions acting on other users: UserAuthenticationMethod.Read.All (the .Read scope covers only the signed-in user).",
  },
  getSecurityDefaultsPolicy: {
    method: "GET",
    path: "/policies/identitySecurityDefaultsEnforcementPolicy",
    scopes: ["Policy.Read.All"],
    datasets: ["users"],
    requested: "consent",
    doc: `${LEARN}/identitysecuritydefaultsenforcementpolicy-get`,
  },
  listDevices: {
    method: "GET",
    path: "/devices",
    scopes: ["Device.Read.All"],
    datasets: ["computers"],
    requested: "consent",
    doc: `${LEARN}/device-list`,
  },
  devicesDelta: {
    method: "GET",
    path: "/devices/delta",
    scopes: ["Device.Read.All"],
    datasets: ["computers"],
    requested: "consent",
    doc: `${LEARN}/device-delta`,
  },
  listManagedDevices: {
    method: "GET",
    path: "/deviceManagement/managedDevices",
    scopes: ["DeviceManagementManagedDevices.Read.All"],
    datasets: ["computers"],
    requested: "consent",
    doc: `${LEARN}/intune-devices-manageddevice-list`,
    note: 'Needs an Intune licence; without it Intune answers 400 "Request not applicable to target tenant."',
  },
  listGroups: {
    method: "GET",
    path: "/groups",
    scopes: ["GroupMember.Read.All"],
    datasets: ["groups"],
    requested: "consent",
    doc: `${LEARN}/group-list`,
    note:
      "GroupMember.Read.All is the narrowest read-only scope the table lists for this call (one " +
      "published version names a write scope, Group-NestingSupport.ReadWrite.All, as least " +
      "privileged: we never request write scopes).",
  },
  groupsDelta: {
    method: "GET",
    path: "/groups/delta",
    scopes: ["GroupMember.Read.All"],
    datasets: ["groups"],
    requested: "consent",
    doc: `${LEARN}/group-delta`,
  },
  listGroupMembers: {
    method: "GET",
    path: "/groups/{id}/members",
    scopes: ["GroupMember.Read.All"],
    datasets: ["groups", "roles"],
    requested: "consent",
    doc: `${LEARN}/group-list-members`,
  },
  listSubscribedSkus: {
    method: "GET",
    path: "/subscribedSkus",
    scopes: ["LicenseAssignment.Read.All"],
    datasets: ["licences"],
    requested: "consent",
    doc: `${LEARN}/subscribedsku-list`,
  },
  listDirectoryRoles: {
    method: "GET",
    path: "/directoryRoles?$expand=members",
    scopes: ["RoleManagement.Read.Directory"],
    datasets: ["roles"],
    requested: "consent",
    doc: `${LEARN}/directoryrole-list`,
  },
  listRoleAssignments: {
    method: "GET",
    path: "/roleManagement/directory/roleAssignments?$expand=principal",
    scopes: ["RoleManagement.Read.Directory"],
    datasets: ["roles", "users"],
    requested: "consent",
    doc: `${LEARN}/rbacapplication-list-roleassignments`,
    note: "Table for the directory (Microsoft Entra ID) provider.",
  },
  listRoleDefinitions: {
    method: "GET",
    path: "/roleManagement/directory/roleDefinitions",
    scopes: ["RoleManagement.Read.Directory"],
    datasets: ["roles"],
    requested: "consent",
    doc: `${LEARN}/rbacapplication-list-roledefinitions`,
    note: "Table for the directory (Microsoft Entra ID) provider.",
  },
  listDirectoryAudits: {
    method: "GET",
    path: "/auditLogs/directoryAudits",
    scopes: ["AuditLog.Read.All", "Directory.Read.All"],
    datasets: ["auditLogs"],
    requested: "consent",
    doc: `${LEARN}/directoryaudit-list`,
    note: 'Microsoft documents "AuditLog.Read.All and Directory.Read.All" as the least privileged pair.',
  },
  listSecureScores: {
    method: "GET",
    path: "/security/secureScores",
    scopes: ["SecurityEvents.Read.All"],
    datasets: ["secureScore"],
    requested: "consent",
    doc: `${LEARN}/security-list-securescores`,
  },
  listSecureScoreControlProfiles: {
    method: "GET",
    path: "/security/secureScoreControlProfiles",
    scopes: ["SecurityEvents.Read.All"],
    datasets: ["secureScore"],
    requested: "consent",
    doc: `${LEARN}/securescorecontrolprofiles-list`,
  },
  getOrganization: {
    method: "GET",
    path: "/organization",
    scopes: ["User.Read"],
    datasets: [],
    requested: "consent",
    doc: `${LEARN}/organization-get`,
    note: "Tenant name and verified domains; User.Read is also what sign-in itself needs.",
  },
  listContracts: {
    method: "GET",
    path: "/contracts",
    scopes: ["Directory.Read.All"],
    datasets: [],
    requested: "consent",
    doc: `${LEARN}/contract-list`,
    note: "Partner tenant only: the customers of a (legacy DAP) CSP partner.",
  },
  listDelegatedAdminCustomers: {
    method: "GET",
    path: "/tenantRelationships/delegatedAdminCustomers",
    scopes: ["DelegatedAdminRelationship.Read.All"],
    datasets: [],
    requested: "consent",
    doc: `${LEARN}/tenantrelationship-list-delegatedadmincustomers`,
    note: "Partner tenant only: the customers reachable through GDAP.",
  },
  listServicePrincipals: {
    method: "GET",
    path: "/servicePrincipals?$filter=appId eq '{appId}'",
    scopes: ["Application.Read.All"],
    datasets: [],
    requested: "consent",
    doc: `${LEARN}/serviceprincipal-list`,
    note: "Consent check: is our enterprise app present in the customer tenant?",
  },
  listOAuth2PermissionGrants: {
    method: "GET",
    path: "/oauth2PermissionGrants?$filter=clientId eq '{servicePrincipalId}'",
    scopes: ["Directory.Read.All"],
    datasets: [],
    requested: "consent",
    doc: `${LEARN}/oauth2permissiongrant-list`,
    note: "Consent check: which delegated scopes the customer admin actually granted.",
  },
  deleteServicePrincipal: {
    method: "DELETE",
    path: "/servicePrincipals/{id}",
    scopes: ["Application.ReadWrite.All"],
    datasets: [],
    requested: "onDemand",
    doc: `${LEARN}/serviceprincipal-delete`,
    note:
      "The only write the app ever performs, and only when a technician asks to remove the " +
      "enterprise app: requested incrementally at that moment, never at consent.",
  },
} as const satisfies Record<string, GraphCallPermission>;

export type GraphCallId = keyof typeof GRAPH_CALLS;
