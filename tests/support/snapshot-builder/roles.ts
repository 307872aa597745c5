/** Built-in roles the generated tenants use (template ids from Microsoft's built-in roles reference). */
export const ROLE_CATALOGUE = {
  globalAdministrator: {
    id: "62e90394-69f5-4237-9190-012177145e10",
    name: "Global Administrator",
    description:
      "Can manage all aspects of Microsoft Entra ID and Microsoft services that use Microsoft Entra identities.",
  },
  userAdministrator: {
    id: "fe930be7-5e62-47db-91af-98c3a49a38b1",
    name: "User Administrator",
    description:
      "Can manage all aspects of users and groups, including resetting passwords for limited admins.",
  },
  helpdeskAdministrator: {
    id: "729827e3-9c14-49f7-bb1b-9608f156bbb8",
    name: "Helpdesk Administrator",
    description: "Can reset passwords for non-administrators and Helpdesk Administrators.",
  },
  exchangeAdministrator: {
    id: "29232cdf-9323-42fd-ade2-1d097af3e4de",
    name: "Exchange Administrator",
    description: "Can manage all aspects of the Exchange product.",
  },
  sharePointAdministrator: {
    id: "f28a1f50-f6e7-4571-818b-6a12f2af6b6c",
    name: "SharePoint Administrator",
    description: "Can manage all aspects of the SharePoint service.",
  },
  securityAdministrator: {
    id: "194ae4cb-b126-40b2-bd5b-6091b380977d",
    name: "Security Administrator",
    description:
      "Can read security information and reports, and manage configuration in Microsoft Entra ID and Office 365.",
  },
  applicationAdministrator: {
    id: "9b895d92-2cd3-44c7-9d02-a6ac2d5ea5c3",
    name: "Application Administrator",
    description: "Can create and manage all aspects of app registrations and enterprise apps.",
  },
  globalReader: {
    id: "f2ef992c-3afb-46b9-b7cf-a126ee74c451",
    name: "Global Reader",
    description: "Can read everything that a Global Administrator can, but not update anything.",
  },
  messageCenterReader: {
    id: "790c1fb9-7f7d-4f88-86a1-ef1f95c05c1b",
    name: "Message Center Reader",
    description: "Can read messages and updates for their organization in Message Center only.",
  },
} as const;
