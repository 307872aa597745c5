/**
 * Directory audit activities the generator emits: real `activityDisplayName`, `category` and
 * `loggedByService` triples as Microsoft Entra audit logs record them
 * (https://learn.microsoft.com/entra/identity/monitoring-health/reference-audit-activities).
 */
export type AuditTargetKind =
  | "User"
  | "Group"
  | "Device"
  | "Role"
  | "ServicePrincipal"
  | "Policy"
  | "Application";

export interface AuditActivity {
  activityDisplayName: string;
  category: string;
  loggedByService: string;
  /** `operationType` Graph reports alongside the activity. */
  operationType: "Add" | "Update" | "Delete" | "Assign" | "Unassign" | "Other";
  target: AuditTargetKind;
  /** Relative frequency among generated events. */
  weight: number;
  /** Who usually performs it: an administrator, or a service acting on its own. */
  initiator: "user" | "app";
  /** Property names that show up in `modifiedProperties`. */
  modifiedProperties: readonly string[];
  /** Failure reason used when the event is generated as a failure. */
  failureReason: string;
}

export const AUDIT_ACTIVITIES: readonly AuditActivity[] = [
  {
    activityDisplayName: "Add user",
    category: "UserManagement",
    loggedByService: "Core Directory",
    operationType: "Add",
    target: "User",
    weight: 6,
    initiator: "user",
    modifiedProperties: ["AccountEnabled", "DisplayName", "UserPrincipalName", "UserType"],
    failureReason:
      "Another object with the same value for property userPrincipalName already exists.",
  },
  {
    activityDisplayName: "Update user",
    category: "UserManagement",
    loggedByService: "Core Directory",
    operationType: "Update",
    target: "User",
    weight: 30,
    initiator: "user",
    modifiedProperties: ["JobTitle", "Department", "MobilePhone"],
    failureReason: "Insufficient privileges to complete the operation.",
  },
  {
    activityDisplayName: "Delete user",
    category: "UserManagement",
    loggedByService: "Core Directory",
    operationType: "Delete",
    target: "User",
    weight: 2,
    initiator: "user",
    modifiedProperties: [],
    failureReason: "Insufficient privileges to complete the operation.",
  },
  {
    activityDisplayName: "Disable account",
    category: "UserManagement",
    loggedByService: "Core Directory",
    operationType: "Update",
    target: "User",
    weight: 2,
    initiator: "user",
    modifiedProperties: ["AccountEnabled"],
    failureReason: "Insufficient privileges to complete the operation.",
  },
  {
    activityDisplayName: "Reset password (by admin)",
    category: "UserManagement",
    loggedByService: "Core Directory",
    operationType: "Update",
    target: "User",
    weight: 5,
    initiator: "user",
    modifiedProperties: [],
    failureReason: "The password does not comply with password complexity requirements.",
  },
  {
    activityDisplayName: "Change user license",
    category: "UserManagement",
    loggedByService: "Core Directory",
    operationType: "Update",
    target: "User",
    weight: 4,
    initiator: "user",
    modifiedProperties: ["AssignedLicense"],
    failureReason: "License assignment failed because there are not enough licenses available.",
  },
  {
    activityDisplayName: "Update user",
    category: "UserManagement",
    loggedByService: "Core Directory",
    operationType: "Update",
    target: "User",
    weight: 20,
    initiator: "app",
    modifiedProperties: ["LastDirSyncTime", "StsRefreshTokensValidFrom"],
    failureReason: "Directory synchronization failed for the object.",
  },
  {
    activityDisplayName: "User registered security info",
    category: "UserManagement",
    loggedByService: "Authentication Methods",
    operationType: "Add",
    target: "User",
    weight: 5,
    initiator: "user",
    modifiedProperties: [],
    failureReason: "User canceled the registration.",
  },
  {
    activityDisplayName: "Add member to group",
    category: "GroupManagement",
    loggedByService: "Core Directory",
    operationType: "Assign",
    target: "Group",
    weight: 14,
    initiator: "user",
    modifiedProperties: ["Group.ObjectID", "Group.DisplayName"],
    failureReason:
      "One or more added object references already exist for the following modified properties: 'members'.",
  },
  {
    activityDisplayName: "Remove member from group",
    category: "GroupManagement",
    loggedByService: "Core Directory",
    operationType: "Unassign",
    target: "Group",
    weight: 5,
    initiator: "user",
    modifiedProperties: ["Group.ObjectID", "Group.DisplayName"],
    failureReason: "Insufficient privileges to complete the operation.",
  },
  {
    activityDisplayName: "Add group",
    category: "GroupManagement",
    loggedByService: "Core Directory",
    operationType: "Add",
    target: "Group",
    weight: 2,
    initiator: "user",
    modifiedProperties: ["DisplayName", "MailEnabled", "SecurityEnabled"],
    failureReason: "Another object with the same value for property mailNickname already exists.",
  },
  {
    activityDisplayName: "Add member to role",
    category: "RoleManagement",
    loggedByService: "Core Directory",
    operationType: "Assign",
    target: "Role",
    weight: 2,
    initiator: "user",
    modifiedProperties: ["Role.ObjectID", "Role.DisplayName", "Role.TemplateId"],
    failureReason: "Insufficient privileges to complete the operation.",
  },
  {
    activityDisplayName: "Remove member from role",
    category: "RoleManagement",
    loggedByService: "Core Directory",
    operationType: "Unassign",
    target: "Role",
    weight: 1,
    initiator: "user",
    modifiedProperties: ["Role.ObjectID", "Role.DisplayName", "Role.TemplateId"],
    failureReason: "Insufficient privileges to complete the operation.",
  },
  {
    activityDisplayName: "Consent to application",
    category: "ApplicationManagement",
    loggedByService: "Core Directory",
    operationType: "Assign",
    target: "ServicePrincipal",
    weight: 2,
    initiator: "user",
    modifiedProperties: ["ConsentContext.IsAdminConsent", "ConsentAction.Permissions"],
    failureReason: "Microsoft.Online.Security.UserConsentBlockedForRiskyAppsException",
  },
  {
    activityDisplayName: "Add service principal",
    category: "ApplicationManagement",
    loggedByService: "Core Directory",
    operationType: "Add",
    target: "ServicePrincipal",
    weight: 1,
    initiator: "user",
    modifiedProperties: ["AccountEnabled", "AppPrincipalId", "DisplayName"],
    failureReason: "Insufficient privileges to complete the operation.",
  },
  {
    activityDisplayName: "Add delegated permission grant",
    category: "ApplicationManagement",
    loggedByService: "Core Directory",
    operationType: "Assign",
    target: "ServicePrincipal",
    weight: 1,
    initiator: "user",
    modifiedProperties: ["DelegatedPermissionGrant.Scope", "DelegatedPermissionGrant.ConsentType"],
    failureReason: "Insufficient privileges to complete the operation.",
  },
  {
    activityDisplayName: "Update application",
    category: "ApplicationManagement",
    loggedByService: "Core Directory",
    operationType: "Update",
    target: "Application",
    weight: 1,
    initiator: "user",
    modifiedProperties: ["AppAddress", "RequiredResourceAccess"],
    failureReason: "Insufficient privileges to complete the operation.",
  },
  {
    activityDisplayName: "Update policy",
    category: "Policy",
    loggedByService: "Core Directory",
    operationType: "Update",
    target: "Policy",
    weight: 1,
    initiator: "user",
    modifiedProperties: ["PolicyDetail"],
    failureReason: "Insufficient privileges to complete the operation.",
  },
  {
    activityDisplayName: "Update conditional access policy",
    category: "Policy",
    loggedByService: "Conditional Access",
    operationType: "Update",
    target: "Policy",
    weight: 1,
    initiator: "user",
    modifiedProperties: ["ConditionalAccessPolicy"],
    failureReason: "Insufficient privileges to complete the operation.",
  },
  {
    activityDisplayName: "Add device",
    category: "DeviceManagement",
    loggedByService: "Core Directory",
    operationType: "Add",
    target: "Device",
    weight: 4,
    initiator: "app",
    modifiedProperties: ["DeviceOSType", "DeviceTrustType", "DisplayName"],
    failureReason: "The device quota for the user has been exceeded.",
  },
  {
    activityDisplayName: "Update device",
    category: "DeviceManagement",
    loggedByService: "Core Directory",
    operationType: "Update",
    target: "Device",
    weight: 8,
    initiator: "app",
    modifiedProperties: ["IsCompliant", "IsManaged", "DeviceOSVersion"],
    failureReason: "Directory synchronization failed for the object.",
  },
  {
    activityDisplayName: "Delete device",
    category: "DeviceManagement",
    loggedByService: "Core Directory",
    operationType: "Delete",
    target: "Device",
    weight: 1,
    initiator: "user",
    modifiedProperties: [],
    failureReason: "Insufficient privileges to complete the operation.",
  },
  {
    activityDisplayName: "Register device",
    category: "Device",
    loggedByService: "Device Registration Service",
    operationType: "Add",
    target: "Device",
    weight: 3,
    initiator: "app",
    modifiedProperties: [],
    failureReason: "The device object was not found.",
  },
  {
    activityDisplayName: "Add registered owner to device",
    category: "Device",
    loggedByService: "Core Directory",
    operationType: "Assign",
    target: "Device",
    weight: 3,
    initiator: "app",
    modifiedProperties: ["Device.ObjectID", "Device.DisplayName"],
    failureReason: "Insufficient privileges to complete the operation.",
  },
];

/** Services that act on their own; `initiatedBy.app` carries one of these. */
export const AUDIT_INITIATING_APPS: readonly { displayName: string; appId: string }[] = [
  { displayName: "Microsoft Substrate Management", appId: "98db8bd6-0cc0-4e67-9de5-f187f1cd1b41" },
  { displayName: "Device Registration Service", appId: "01cb2876-7ebd-4aa4-9cc9-d28bd4d359a9" },
  { displayName: "Microsoft Intune", appId: "0000000a-0000-0000-c000-000000000000" },
  { displayName: "Microsoft Azure AD Connect", appId: "cb1056e2-e479-49de-ae31-7812af012ed8" },
];
