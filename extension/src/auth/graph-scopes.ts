/**
 * The delegated Microsoft Graph permissions tenantlens asks for: read-only, each the least
 * privileged one Microsoft documents for the endpoints the reports call (see the "Permissions"
 * table on each endpoint's Graph reference page). The README's "Register the app" section lists
 * the same set; keep them together.
 */
export const GRAPH_RESOURCE = "https://graph.microsoft.com";

export const GRAPH_READ_PERMISSIONS = [
  // users, signInActivity (with AuditLog.Read.All), organization
  "User.Read.All",
  // users/{id}/authentication/methods
  "UserAuthenticationMethod.Read.All",
  // auditLogs/directoryAudits, reports/authenticationMethods/userRegistrationDetails
  "AuditLog.Read.All",
  // devices
  "Device.Read.All",
  // deviceManagement/managedDevices
  "DeviceManagementManagedDevices.Read.All",
  // groups and their members
  "GroupMember.Read.All",
  // subscribedSkus
  "LicenseAssignment.Read.All",
  // directoryRoles, roleManagement/directory/roleAssignments and roleDefinitions
  "RoleManagement.Read.Directory",
  // security/secureScores, security/secureScoreControlProfiles
  "SecurityEvents.Read.All",
  // policies/identitySecurityDefaultsEnforcementPolicy
  "Policy.Read.All",
  // servicePrincipals, oauth2PermissionGrants (consent diagnosis)
  "Application.Read.All",
  // contracts, tenantRelationships/delegatedAdminCustomers (the partner's customer list)
  "Directory.Read.All",
  "DelegatedAdminRelationship.Read.All",
] as const;

/** Fully qualified scopes for token requests, e.g. `https://graph.microsoft.com/User.Read.All`. */
export const GRAPH_READ_SCOPES: readonly string[] = GRAPH_READ_PERMISSIONS.map(
  (permission) => `${GRAPH_RESOURCE}/${permission}`,
);
