/**
 * Directory roles tenantlens treats as privileged, by role template id (stable across tenants and
 * languages; display names are for people). Ids from Microsoft's "Microsoft Entra built-in roles"
 * reference (learn.microsoft.com/entra/identity/role-based-access-control/permissions-reference).
 *
 * The set is CISA's "highly privileged roles" (ScubaGear MS.AAD baseline) plus the roles CIS M365
 * 5.2.2.1 names for admin MFA that can change security or reach data. Microsoft's own PRIVILEGED
 * label leaves out Exchange, SharePoint and Billing Administrator; we keep them because they can
 * read every mailbox and site, or buy and assign licences, in a customer tenant.
 */
export const GLOBAL_ADMINISTRATOR_TEMPLATE_ID = "62e90394-69f5-4237-9190-012177145e10";

export const PRIVILEGED_ROLES: ReadonlyMap<string, string> = new Map([
  [GLOBAL_ADMINISTRATOR_TEMPLATE_ID, "Global Administrator"],
  ["e8611ab8-c189-46e8-94e1-60213ab1f814", "Privileged Role Administrator"],
  ["7be44c8a-adaf-4e2a-84d6-ab2649e08a13", "Privileged Authentication Administrator"],
  ["194ae4cb-b126-40b2-bd5b-6091b380977d", "Security Administrator"],
  ["29232cdf-9323-42fd-ade2-1d097af3e4de", "Exchange Administrator"],
  ["f28a1f50-f6e7-4571-818b-6a12f2af6b6c", "SharePoint Administrator"],
  ["fe930be7-5e62-47db-91af-98c3a49a38b1", "User Administrator"],
  ["9b895d92-2cd3-44c7-9d02-a6ac2d5ea5c3", "Application Administrator"],
  ["158c047a-c907-4556-b7ef-446551a6b5f7", "Cloud Application Administrator"],
  ["b1be1c3e-b65d-4f19-8427-f6fa0d97feb9", "Conditional Access Administrator"],
  ["c4e39bd9-1100-46d3-8c65-fb160da0071f", "Authentication Administrator"],
  ["729827e3-9c14-49f7-bb1b-9608f156bbb8", "Helpdesk Administrator"],
  ["966707d0-3269-4727-9be2-8c3a10f19b9d", "Password Administrator"],
  ["b0f54661-2d74-4c50-afa3-1ec803f12efe", "Billing Administrator"],
  ["3a2c62db-5318-420d-8d74-23affee5d9d5", "Intune Administrator"],
  ["8ac3fc64-6eca-42ea-9e69-59f4c7b60eb2", "Hybrid Identity Administrator"],
]);

export function isPrivilegedRoleTemplate(roleTemplateId: string): boolean {
  return PRIVILEGED_ROLES.has(roleTemplateId.toLowerCase());
}
