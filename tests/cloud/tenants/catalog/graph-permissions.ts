/**
 * The Microsoft Graph permissions the emulator's Graph service principal publishes (a subset: the
 * read-only ones tenantlens and its test scripts use, plus the OpenID scopes), with Microsoft's
 * real permission ids, display names and descriptions as listed for the Microsoft Graph first-party
 * app (appId 00000003-0000-0000-c000-000000000000). Ids are what consent grants and app-role
 * assignments refer to, so they must be the real ones.
 */
export interface GraphPermission {
  value: string;
  id: string;
  displayName: string;
  description: string;
}

export interface GraphDelegatedPermission extends GraphPermission {
  /** "User" when users may consent for themselves, "Admin" when only an administrator may. */
  type: "User" | "Admin";
}

export const GRAPH_DELEGATED_PERMISSIONS: readonly GraphDelegatedPermission[] = [
  {
    value: "User.Read",
    id: "e1fe6dd8-ba31-4d61-89e7-88639da4683d",
    displayName: "Sign in and read user profile",
    description:
      "Allows users to sign-in to the app, and allows the app to read the profile of signed-in users. It also allows the app to read basic company information of signed-in users.",
    type: "User",
  },
  {
    value: "User.Read.All",
    id: "a154be20-db9c-4678-8ab7-66f6cc099a59",
    displayName: "Read all users' full profiles",
    description:
      "Allows the app to read the full set of profile properties, reports, and managers of other users in your organization, on behalf of the signed-in user.",
    type: "Admin",
  },
  {
    value: "Group.Read.All",
    id: "5f8c59db-677d-491f-a6b8-5f174b11ec1d",
    displayName: "Read all groups",
    description:
      "Allows the app to list groups, and to read their properties and all group memberships on behalf of the signed-in user. Also allows the app to read calendar, conversations, files, and other group content for all groups the signed-in user can access.",
    type: "Admin",
  },
  {
    value: "GroupMember.Read.All",
    id: "bc024368-1153-4739-b217-4326f2e966d0",
    displayName: "Read group memberships",
    description:
      "Allows the app to list groups, read basic group properties and read membership of all groups the signed-in user has access to.",
    type: "Admin",
  },
  {
    value: "Device.Read.All",
    id: "951183d1-1a61-466f-a6d1-1fde911bfd95",
    displayName: "Read all devices",
    description:
      "Allows the app to read your organization's devices' configuration information on behalf of the signed-in user.",
    type: "Admin",
  },
  {
    value: "DeviceManagementManagedDevices.Read.All",
    id: "314874da-47d6-4978-88dc-cf0d37f0bb82",
    displayName: "Read Microsoft Intune devices",
    description: "Allows the app to read the properties of devices managed by Microsoft Intune.",
    type: "Admin",
  },
  {
    value: "RoleManagement.Read.Directory",
    id: "741c54c3-0c1e-44a1-818b-3f97ab4e8c83",
    displayName: "Read directory RBAC settings",
    description:
      "Allows the app to read the role-based access control (RBAC) settings for your company's directory, on behalf of the signed-in user. This includes reading directory role templates, directory roles and memberships.",
    type: "Admin",
  },
  {
    value: "AuditLog.Read.All",
    id: "e4c9e354-4dc5-45b8-9e7c-e1393b0b1a20",
    displayName: "Read audit log data",
    description:
      "Allows the app to read and query your audit log activities, on behalf of the signed-in user.",
    type: "Admin",
  },
  {
    value: "UserAuthenticationMethod.Read.All",
    id: "aec28ec7-4d02-4e8c-b864-50163aea77eb",
    displayName: "Read all users' authentication methods",
    description:
      "Allows the app to read authentication methods of all users in your organization that the signed-in user has access to. Authentication methods include things like a user’s phone numbers and Authenticator app settings. This does not allow the app to see secret information like passwords, or to sign-in or otherwise use the authentication methods.",
    type: "Admin",
  },
  {
    value: "SecurityEvents.Read.All",
    id: "64733abd-851e-478a-bffb-e47a14b18235",
    displayName: "Read your organization’s security events",
    description:
      "Allows the app to read your organization’s security events on behalf of the signed-in user.",
    type: "Admin",
  },
  {
    value: "LicenseAssignment.Read.All",
    id: "f395577a-0960-456b-979f-7228de0c5996",
    displayName: "Read all license assignments.",
    description:
      "Allows an app to read license assignments for users and groups, on behalf of the signed-in user.",
    type: "Admin",
  },
  {
    value: "Organization.Read.All",
    id: "4908d5b9-3fb2-4b1e-9336-1888b7937185",
    displayName: "Read organization information",
    description:
      "Allows the app to read the organization and related resources, on behalf of the signed-in user. Related resources include things like subscribed skus and tenant branding information.",
    type: "Admin",
  },
  {
    value: "Policy.Read.All",
    id: "572fea84-0151-49b2-9301-11cb16974376",
    displayName: "Read your organization's policies",
    description:
      "Allows the app to read your organization's policies on behalf of the signed-in user.",
    type: "Admin",
  },
  {
    value: "DelegatedAdminRelationship.Read.All",
    id: "0c0064ea-477b-4130-82a5-4c2cc4ff68aa",
    displayName: "Read Delegated Admin relationships with customers",
    description:
      "Allows the app to read details of delegated admin relationships with customers like access details (that includes roles) and the duration as well as specific role assignments to security groups on behalf of the signed-in user.",
    type: "Admin",
  },
  {
    value: "Application.Read.All",
    id: "c79f8feb-a9db-4090-85f9-90d820caa0eb",
    displayName: "Read applications",
    description:
      "Allows the app to read applications and service principals on behalf of the signed-in user.",
    type: "Admin",
  },
  {
    value: "DelegatedPermissionGrant.Read.All",
    id: "a197cdc4-a8e8-4d49-9d35-4ca7c83887b4",
    displayName: "Read delegated permission grants",
    description:
      "Allows the app to read delegated permission grants, on behalf of the signed in user.",
    type: "Admin",
  },
  {
    value: "Directory.Read.All",
    id: "06da0dbc-49e2-44d2-8312-53f166ab848a",
    displayName: "Read directory data",
    description:
      "Allows the app to read data in your organization's directory, such as users, groups and apps.",
    type: "Admin",
  },
  {
    value: "Reports.Read.All",
    id: "02e97553-ed7b-43d0-ab3c-f8bace0d040c",
    displayName: "Read all usage reports",
    description:
      "Allows an app to read all service usage reports on behalf of the signed-in user. Services that provide usage reports include Office 365 and Azure Active Directory.",
    type: "Admin",
  },
  {
    value: "openid",
    id: "37f7f235-527c-4136-accd-4a02d197296e",
    displayName: "Sign users in",
    description:
      "Allows users to sign in to the app with their work or school accounts and allows the app to see basic user profile information.",
    type: "User",
  },
  {
    value: "profile",
    id: "14dad69e-099b-42c9-810b-d002981feec1",
    displayName: "View users' basic profile",
    description:
      "Allows the app to see your users' basic profile (e.g., name, picture, user name, email address)",
    type: "User",
  },
  {
    value: "offline_access",
    id: "7427e0e9-2fba-42fe-b0c0-848c9e6a8182",
    displayName: "Maintain access to data you have given it access to",
    description:
      "Allows the app to see and update the data you gave it access to, even when users are not currently using the app. This does not give the app any additional permissions.",
    type: "User",
  },
  {
    value: "email",
    id: "64a6cdd6-aab1-4aaf-94b8-3cc8405e90d0",
    displayName: "View users' email address",
    description: "Allows the app to read your users' primary email address",
    type: "User",
  },
];

export const GRAPH_APPLICATION_PERMISSIONS: readonly GraphPermission[] = [
  {
    value: "User.Read.All",
    id: "df021288-bdef-4463-88db-98f22de89214",
    displayName: "Read all users' full profiles",
    description: "Allows the app to read user profiles without a signed in user.",
  },
  {
    value: "Group.Read.All",
    id: "5b567255-7703-4780-807c-7be8301ae99b",
    displayName: "Read all groups",
    description:
      "Allows the app to read group properties and memberships, and read conversations for all groups, without a signed-in user.",
  },
  {
    value: "GroupMember.Read.All",
    id: "98830695-27a2-44f7-8c18-0c3ebc9698f6",
    displayName: "Read all group memberships",
    description:
      "Allows the app to read memberships and basic group properties for all groups without a signed-in user.",
  },
  {
    value: "Device.Read.All",
    id: "7438b122-aefc-4978-80ed-43db9fcc7715",
    displayName: "Read all devices",
    description:
      "Allows the app to read your organization's devices' configuration information without a signed-in user.",
  },
  {
    value: "DeviceManagementManagedDevices.Read.All",
    id: "2f51be20-0bb4-4fed-bf7b-db946066c75e",
    displayName: "Read Microsoft Intune devices",
    description:
      "Allows the app to read the properties of devices managed by Microsoft Intune, without a signed-in user.",
  },
  {
    value: "RoleManagement.Read.Directory",
    id: "483bed4a-2ad3-4361-a73b-c83ccdbdc53c",
    displayName: "Read all directory RBAC settings",
    description:
      "Allows the app to read the role-based access control (RBAC) settings for your company's directory, without a signed-in user. This includes reading directory role templates, directory roles and memberships.",
  },
  {
    value: "AuditLog.Read.All",
    id: "b0afded3-3588-46d8-8b3d-9842eff778da",
    displayName: "Read all audit log data",
    description:
      "Allows the app to read and query your audit log activities, without a signed-in user.",
  },
  {
    value: "UserAuthenticationMethod.Read.All",
    id: "38d9df27-64da-44fd-b7c5-a6fbac20248f",
    displayName: "Read all users' authentication methods",
    description:
      "Allows the app to read authentication methods of all users in your organization, without a signed-in user. Authentication methods include things like a user’s phone numbers and Authenticator app settings. This does not allow the app to see secret information like passwords, or to sign-in or otherwise use the authentication methods.",
  },
  {
    value: "SecurityEvents.Read.All",
    id: "bf394140-e372-4bf9-a898-299cfc7564e5",
    displayName: "Read your organization’s security events",
    description:
      "Allows the app to read your organization’s security events without a signed-in user.",
  },
  {
    value: "LicenseAssignment.Read.All",
    id: "e2f98668-2877-4f38-a2f4-8202e0717aa1",
    displayName: "Read all license assignments.",
    description:
      "Allows an app to read license assignments for users and groups, without a signed-in user.",
  },
  {
    value: "Organization.Read.All",
    id: "498476ce-e0fe-48b0-b801-37ba7e2685c6",
    displayName: "Read organization information",
    description:
      "Allows the app to read the organization and related resources, without a signed-in user. Related resources include things like subscribed skus and tenant branding information.",
  },
  {
    value: "Policy.Read.All",
    id: "246dd0d5-5bd0-4def-940b-0421030a5b68",
    displayName: "Read your organization's policies",
    description:
      "Allows the app to read all your organization's policies without a signed in user.",
  },
  {
    value: "Application.Read.All",
    id: "9a5d68dd-52b0-4cc2-bd40-abcf44ac3a30",
    displayName: "Read all applications",
    description:
      "Allows the app to read all applications and service principals without a signed-in user.",
  },
  {
    value: "DelegatedPermissionGrant.Read.All",
    id: "81b4724a-58aa-41c1-8a55-84ef97466587",
    displayName: "Read all delegated permission grants",
    description:
      "Allows the app to read all delegated permission grants, without a signed-in user.",
  },
  {
    value: "Directory.Read.All",
    id: "7ab1d382-f21e-4acd-a863-ba3e13f7da61",
    displayName: "Read directory data",
    description:
      "Allows the app to read data in your organization's directory, such as users, groups and apps, without a signed-in user.",
  },
  {
    value: "Reports.Read.All",
    id: "230c1aed-a721-4c5d-9cb4-a90514e508ef",
    displayName: "Read all usage reports",
    description:
      "Allows an app to read all service usage reports without a signed-in user. Services that provide usage reports include Office 365 and Azure Active Directory.",
  },
];
