import {
  type CloudState,
  type EmulatedTenant,
  findTenant,
  type GraphObject,
} from "../tenants/model";

/**
 * Directory look-ups the identity platform needs: which tenant a `{tenant}` path segment means,
 * who a sign-in name belongs to, whether a user may act in a tenant, and who is an administrator.
 */
export type TenantSegment =
  | { kind: "common" | "organizations" }
  | { kind: "tenant"; tenant: EmulatedTenant };

export function resolveTenantSegment(
  state: CloudState,
  segment: string,
): TenantSegment | undefined {
  const lower = segment.toLowerCase();
  if (lower === "common" || lower === "organizations") return { kind: lower };
  const tenant = findTenant(state, lower);
  return tenant ? { kind: "tenant", tenant } : undefined;
}

export interface DirectoryUser {
  tenant: EmulatedTenant;
  user: GraphObject;
}

export function userPrincipalName(user: GraphObject): string {
  return typeof user.userPrincipalName === "string" ? user.userPrincipalName : user.id;
}

export function displayNameOf(user: GraphObject): string {
  return typeof user.displayName === "string" ? user.displayName : userPrincipalName(user);
}

/** Work accounts sign in with their UPN; the emulator looks it up across all tenants. */
export function findUserBySignInName(
  state: CloudState,
  signInName: string,
): DirectoryUser | undefined {
  const wanted = signInName.trim().toLowerCase();
  if (!wanted) return undefined;
  for (const tenant of state.tenants.values()) {
    for (const user of tenant.collections.users.values()) {
      if (userPrincipalName(user).toLowerCase() === wanted) return { tenant, user };
    }
  }
  return undefined;
}

export function findUser(
  state: CloudState,
  tenantId: string,
  userId: string,
): DirectoryUser | undefined {
  const tenant = state.tenants.get(tenantId);
  const user = tenant?.collections.users.get(userId);
  return tenant && user ? { tenant, user } : undefined;
}

export function isAccountEnabled(user: GraphObject): boolean {
  return user.accountEnabled !== false;
}

/**
 * How a user may act in a tenant: as a member of their home tenant, or as a partner's delegated
 * administrator (GDAP) in a customer tenant. Anyone else gets AADSTS50020.
 */
export type TenantAccess = "member" | "delegatedAdmin" | "none";

export function tenantAccess(resourceTenant: EmulatedTenant, account: DirectoryUser): TenantAccess {
  if (resourceTenant.id === account.tenant.id) return "member";
  const partner = resourceTenant.partner;
  if (
    partner?.tenantId === account.tenant.id &&
    partner.delegatedAdminUserIds.includes(account.user.id)
  )
    return "delegatedAdmin";
  return "none";
}

/**
 * Roles that may grant tenant-wide consent to delegated permissions (Microsoft Entra built-in
 * roles reference; template ids are the same in every tenant).
 */
export const CONSENT_ADMIN_ROLE_TEMPLATE_IDS = new Set([
  "62e90394-69f5-4237-9190-012177145e10", // Global Administrator
  "e8611ab8-c189-46e8-94e1-60213ab1f814", // Privileged Role Administrator
  "158c047a-c907-4556-b7ef-446551a6b5f7", // Cloud Application Administrator
  "9b895d92-2cd3-44c7-9d02-a6ac2d5ea5c3", // Application Administrator
]);

/**
 * Whether a user can consent for the whole tenant. Partner delegated admins count as admins in
 * their customers: GDAP relationships for MSP tooling carry an application-administrator role.
 */
export function canGrantAdminConsent(
  resourceTenant: EmulatedTenant,
  account: DirectoryUser,
): boolean {
  const access = tenantAccess(resourceTenant, account);
  if (access === "delegatedAdmin") return true;
  if (access === "none") return false;
  const userId = account.user.id;
  for (const assignment of resourceTenant.collections.roleAssignments.values()) {
    if (
      assignment.principalId === userId &&
      typeof assignment.roleDefinitionId === "string" &&
      CONSENT_ADMIN_ROLE_TEMPLATE_IDS.has(assignment.roleDefinitionId)
    )
      return true;
  }
  for (const role of resourceTenant.collections.directoryRoles.values()) {
    if (
      typeof role.roleTemplateId === "string" &&
      CONSENT_ADMIN_ROLE_TEMPLATE_IDS.has(role.roleTemplateId) &&
      resourceTenant.directoryRoleMembers.get(role.id)?.includes(userId)
    )
      return true;
  }
  return false;
}
