/**
 * The `$select` the users collector sends, so the mapper finds every property it reads (and no
 * request drops to Graph's default property set, which omits most of these).
 */
export const USER_SELECT = [
  "id",
  "userPrincipalName",
  "displayName",
  "mail",
  "otherMails",
  "passwordPolicies",
  "createdDateTime",
  "accountEnabled",
  "userType",
  "onPremisesSyncEnabled",
  "assignedLicenses",
] as const;

/**
 * For tenants with Entra ID P1: `signInActivity` needs P1 (and AuditLog.Read.All), and selecting it
 * in a tenant without P1 fails the whole request with 403 `Authentication_RequestFromNonPremiumTenantOrB2CTenant`
 * ("Neither tenant is B2C or tenant doesn't have premium license"), so it is a separate list.
 * https://learn.microsoft.com/graph/api/resources/signinactivity, microsoftgraph/microsoft-graph-docs#12772
 */
export const USER_SELECT_WITH_SIGN_IN_ACTIVITY = [...USER_SELECT, "signInActivity"] as const;
