/**
 * Microsoft Entra built-in roles the generator assigns: real template ids, display names and
 * descriptions from "Microsoft Entra built-in roles"
 * (https://learn.microsoft.com/entra/identity/role-based-access-control/permissions-reference).
 * For built-in roles `unifiedRoleDefinition.id` equals the template id. Permission lists are
 * abridged to a few real resource actions: the product reads names and members, not actions.
 */
export interface RoleTemplate {
  templateId: string;
  displayName: string;
  description: string;
  /** Whether the docs mark the role "privileged"; admin-heavy findings key on it. */
  privileged: boolean;
  allowedResourceActions: readonly string[];
}

const READ_PORTAL = "microsoft.office365.webPortal/allEntities/standard/read";
const SERVICE_HEALTH = "microsoft.office365.serviceHealth/allEntities/allTasks";
const SUPPORT_TICKETS = "microsoft.office365.supportTickets/allEntities/allTasks";

function role(
  templateId: string,
  displayName: string,
  description: string,
  privileged: boolean,
  actions: readonly string[],
): RoleTemplate {
  return {
    templateId,
    displayName,
    description,
    privileged,
    allowedResourceActions: [...actions, READ_PORTAL, SERVICE_HEALTH, SUPPORT_TICKETS],
  };
}

export const ROLE_TEMPLATES = {
  globalAdministrator: role(
    "62e90394-69f5-4237-9190-012177145e10",
    "Global Administrator",
    "Can manage all aspects of Microsoft Entra ID and Microsoft services that use Microsoft Entra identities.",
    true,
    [
      "microsoft.directory/users/allProperties/allTasks",
      "microsoft.directory/roleAssignments/allProperties/allTasks",
    ],
  ),
  globalReader: role(
    "f2ef992c-3afb-46b9-b7cf-a126ee74c451",
    "Global Reader",
    "Can read everything that a Global Administrator can, but not update anything.",
    true,
    ["microsoft.directory/users/standard/read", "microsoft.directory/auditLogs/allProperties/read"],
  ),
  userAdministrator: role(
    "fe930be7-5e62-47db-91af-98c3a49a38b1",
    "User Administrator",
    "Can manage all aspects of users and groups, including resetting passwords for limited admins.",
    true,
    ["microsoft.directory/users/create", "microsoft.directory/users/password/update"],
  ),
  exchangeAdministrator: role(
    "29232cdf-9323-42fd-ade2-1d097af3e4de",
    "Exchange Administrator",
    "Can manage all aspects of the Exchange product.",
    false,
    ["microsoft.office365.exchange/allEntities/basic/allTasks"],
  ),
  sharePointAdministrator: role(
    "f28a1f50-f6e7-4571-818b-6a12f2af6b6c",
    "SharePoint Administrator",
    "Can manage all aspects of the SharePoint service.",
    false,
    ["microsoft.office365.sharePoint/allEntities/allTasks"],
  ),
  securityAdministrator: role(
    "194ae4cb-b126-40b2-bd5b-6091b380977d",
    "Security Administrator",
    "Can read security information and reports, and manage configuration in Microsoft Entra ID and Office 365.",
    true,
    [
      "microsoft.directory/policies/standard/read",
      "microsoft.office365.protectionCenter/allEntities/standard/update",
    ],
  ),
  securityReader: role(
    "5d6b6bb7-de71-4623-b4af-96380a352509",
    "Security Reader",
    "Can read security information and reports in Microsoft Entra ID and Office 365.",
    true,
    [
      "microsoft.directory/auditLogs/allProperties/read",
      "microsoft.directory/signInReports/allProperties/read",
    ],
  ),
  securityOperator: role(
    "5f2222b1-57c3-48ba-8ad5-d4759f1fde6f",
    "Security Operator",
    "Creates and manages security events.",
    true,
    ["microsoft.office365.securityComplianceCenter/allEntities/allTasks"],
  ),
  helpdeskAdministrator: role(
    "729827e3-9c14-49f7-bb1b-9608f156bbb8",
    "Helpdesk Administrator",
    "Can reset passwords for non-administrators and Helpdesk Administrators.",
    true,
    [
      "microsoft.directory/users/invalidateAllRefreshTokens",
      "microsoft.directory/users/password/update",
    ],
  ),
  passwordAdministrator: role(
    "966707d0-3269-4727-9be2-8c3a10f19b9d",
    "Password Administrator",
    "Can reset passwords for non-administrators and Password Administrators.",
    true,
    ["microsoft.directory/users/password/update"],
  ),
  billingAdministrator: role(
    "b0f54661-2d74-4c50-afa3-1ec803f12efe",
    "Billing Administrator",
    "Can perform common billing related tasks like updating payment information.",
    false,
    [
      "microsoft.directory/organization/basic/update",
      "microsoft.commerce.billing/allEntities/allTasks",
    ],
  ),
  privilegedRoleAdministrator: role(
    "e8611ab8-c189-46e8-94e1-60213ab1f814",
    "Privileged Role Administrator",
    "Can manage role assignments in Microsoft Entra ID, and all aspects of Privileged Identity Management.",
    true,
    [
      "microsoft.directory/roleAssignments/allProperties/allTasks",
      "microsoft.directory/roleDefinitions/allProperties/allTasks",
    ],
  ),
  privilegedAuthenticationAdministrator: role(
    "7be44c8a-adaf-4e2a-84d6-ab2649e08a13",
    "Privileged Authentication Administrator",
    "Can access to view, set and reset authentication method information for any user (admin or non-admin).",
    true,
    [
      "microsoft.directory/users/authenticationMethods/create",
      "microsoft.directory/users/authenticationMethods/delete",
    ],
  ),
  authenticationAdministrator: role(
    "c4e39bd9-1100-46d3-8c65-fb160da0071f",
    "Authentication Administrator",
    "Can access to view, set and reset authentication method information for any non-admin user.",
    true,
    ["microsoft.directory/users/authenticationMethods/standard/restrictedRead"],
  ),
  intuneAdministrator: role(
    "3a2c62db-5318-420d-8d74-23affee5d9d5",
    "Intune Administrator",
    "Can manage all aspects of the Intune product.",
    true,
    ["microsoft.intune/allEntities/allTasks", "microsoft.directory/devices/basic/update"],
  ),
  teamsAdministrator: role(
    "69091246-20e8-4a56-aa4d-066075b2a7a8",
    "Teams Administrator",
    "Can manage the Microsoft Teams service.",
    false,
    ["microsoft.teams/allEntities/allProperties/allTasks"],
  ),
  complianceAdministrator: role(
    "17315797-102d-40b4-93e0-432062caca18",
    "Compliance Administrator",
    "Can read and manage compliance configuration and reports in Microsoft Entra ID and Microsoft 365.",
    false,
    ["microsoft.office365.complianceManager/allEntities/allTasks"],
  ),
  conditionalAccessAdministrator: role(
    "b1be1c3e-b65d-4f19-8427-f6fa0d97feb9",
    "Conditional Access Administrator",
    "Can manage Conditional Access capabilities.",
    true,
    [
      "microsoft.directory/conditionalAccessPolicies/create",
      "microsoft.directory/namedLocations/create",
    ],
  ),
  applicationAdministrator: role(
    "9b895d92-2cd3-44c7-9d02-a6ac2d5ea5c3",
    "Application Administrator",
    "Can create and manage all aspects of app registrations and enterprise apps.",
    true,
    ["microsoft.directory/applications/create", "microsoft.directory/servicePrincipals/create"],
  ),
  cloudApplicationAdministrator: role(
    "158c047a-c907-4556-b7ef-446551a6b5f7",
    "Cloud Application Administrator",
    "Can create and manage all aspects of app registrations and enterprise apps except App Proxy.",
    true,
    [
      "microsoft.directory/applications/create",
      "microsoft.directory/servicePrincipals/appRoleAssignedTo/update",
    ],
  ),
  reportsReader: role(
    "4a5d8f65-41da-4de4-8968-e035b65339cf",
    "Reports Reader",
    "Can read sign-in and audit reports.",
    false,
    [
      "microsoft.directory/auditLogs/allProperties/read",
      "microsoft.office365.usageReports/allEntities/allProperties/read",
    ],
  ),
  directoryReaders: role(
    "88d8e3e3-8f55-4a1e-953a-9b9898b8876b",
    "Directory Readers",
    "Can read basic directory information. Commonly used to grant directory read access to applications and guests.",
    false,
    ["microsoft.directory/users/standard/read", "microsoft.directory/groups/standard/read"],
  ),
  directoryWriters: role(
    "9360feb5-f418-4baa-8175-e2a00bac4301",
    "Directory Writers",
    "Can read and write basic directory information. For granting access to applications, not intended for users.",
    true,
    ["microsoft.directory/users/basic/update", "microsoft.directory/groups/create"],
  ),
  directorySynchronizationAccounts: role(
    "d29b2b05-8046-44ba-8758-1e26182fcf32",
    "Directory Synchronization Accounts",
    "Only used by Microsoft Entra Connect service.",
    false,
    ["microsoft.directory/onPremisesSynchronization/standard/read"],
  ),
  guestInviter: role(
    "95e79109-95c0-4d8e-aee3-d01accf2d47b",
    "Guest Inviter",
    "Can invite guest users independent of the 'members can invite guests' setting.",
    false,
    ["microsoft.directory/users/inviteGuest"],
  ),
  licenseAdministrator: role(
    "4d6ac14f-3453-41d0-bef9-a3e0c569773a",
    "License Administrator",
    "Can manage product licenses on users and groups.",
    false,
    ["microsoft.directory/users/assignLicense", "microsoft.directory/groups/assignLicense"],
  ),
  groupsAdministrator: role(
    "fdd7a751-b60b-444a-984c-02652fe8fa1c",
    "Groups Administrator",
    "Members of this role can create/manage groups, create/manage groups settings like naming and expiration policies, and view groups activity and audit reports.",
    false,
    ["microsoft.directory/groups/create", "microsoft.directory/groups/members/update"],
  ),
  serviceSupportAdministrator: role(
    "f023fd81-a637-4b56-95fd-791ac0226033",
    "Service Support Administrator",
    "Can read service health information and manage support tickets.",
    false,
    [],
  ),
  cloudDeviceAdministrator: role(
    "7698a772-787b-4ac8-901f-60d6b08affd2",
    "Cloud Device Administrator",
    "Limited access to manage devices in Microsoft Entra ID.",
    true,
    ["microsoft.directory/devices/delete", "microsoft.directory/devices/disable"],
  ),
  entraJoinedDeviceLocalAdministrator: role(
    "9f06204d-73c1-4d4c-880a-6edb90606fd8",
    "Microsoft Entra Joined Device Local Administrator",
    "Users assigned to this role are added to the local administrators group on Microsoft Entra joined devices.",
    false,
    ["microsoft.directory/groupSettings/standard/read"],
  ),
  exchangeRecipientAdministrator: role(
    "31392ffb-586c-42d1-9346-e59415a2cc4e",
    "Exchange Recipient Administrator",
    "Can create or update Exchange Online recipients within the Exchange Online organization.",
    false,
    ["microsoft.office365.exchange/allRecipients/allProperties/allTasks"],
  ),
  hybridIdentityAdministrator: role(
    "8ac3fc64-6eca-42ea-9e69-59f4c7b60eb2",
    "Hybrid Identity Administrator",
    "Manage Active Directory to Microsoft Entra cloud provisioning, Microsoft Entra Connect, pass-through authentication (PTA), password hash synchronization (PHS), seamless single sign-on (seamless SSO), and federation settings. Does not have access to manage Microsoft Entra Connect Health.",
    true,
    ["microsoft.directory/onPremisesSynchronization/standard/read"],
  ),
  powerPlatformAdministrator: role(
    "11648597-926c-4cf3-9c36-bcebb0ba8dcc",
    "Power Platform Administrator",
    "Can create and manage all aspects of Microsoft Dynamics 365, Power Apps and Power Automate.",
    false,
    ["microsoft.powerApps/allEntities/allTasks"],
  ),
  messageCenterReader: role(
    "790c1fb9-7f7d-4f88-86a1-ef1f95c05c1b",
    "Message Center Reader",
    "Can read messages and updates for their organization in Office 365 Message Center only.",
    false,
    ["microsoft.office365.messageCenter/messages/read"],
  ),
} as const satisfies Record<string, RoleTemplate>;

export type RoleKey = keyof typeof ROLE_TEMPLATES;

export const ALL_ROLE_TEMPLATES: readonly RoleTemplate[] = Object.values(ROLE_TEMPLATES);
