/**
 * Microsoft Graph's published throttling limits, as the emulator applies them. Transcribed from
 * `../shared/graph/throttling.json` (itself from concepts/throttling-limits.md and its includes);
 * `limits.test.ts` checks the two stay equal.
 */

/** includes/throttling-identity-and-access.md: "S - under 50 users, M - between 50 and 500 users, and L - above 500 users." */
export type TenantSize = "S" | "M" | "L";

export function tenantSizeFor(userCount: number): TenantSize {
  if (userCount < 50) return "S";
  if (userCount <= 500) return "M";
  return "L";
}

export const IDENTITY_LIMITS = {
  /** Resource-unit quota per application + tenant pair, per 10 seconds. */
  resourceUnitsPer10s: { S: 3500, M: 5000, L: 8000 } as Record<TenantSize, number>,
  windowSeconds: 10,
  /** Base costs; any identity path not listed costs 1. `{id}` matches one segment. */
  baseCosts: [
    { method: "GET", path: "applications", cost: 2 },
    { method: "GET", path: "applications/{id}/extensionProperties", cost: 2 },
    { method: "GET", path: "contracts", cost: 3 },
    { method: "POST", path: "directoryObjects/getByIds", cost: 3 },
    { method: "GET", path: "domains/{id}/domainNameReferences", cost: 4 },
    { method: "POST", path: "getObjectsById", cost: 3 },
    { method: "GET", path: "groups/{id}/members", cost: 3 },
    { method: "GET", path: "groups/{id}/transitiveMembers", cost: 5 },
    { method: "POST", path: "isMemberOf", cost: 4 },
    { method: "POST", path: "me/checkMemberGroups", cost: 4 },
    { method: "POST", path: "me/checkMemberObjects", cost: 4 },
    { method: "POST", path: "me/getMemberGroups", cost: 2 },
    { method: "POST", path: "me/getMemberObjects", cost: 2 },
    { method: "GET", path: "me/licenseDetails", cost: 2 },
    { method: "GET", path: "me/memberOf", cost: 2 },
    { method: "GET", path: "me/ownedObjects", cost: 2 },
    { method: "GET", path: "me/transitiveMemberOf", cost: 2 },
    { method: "GET", path: "oauth2PermissionGrants", cost: 2 },
    { method: "GET", path: "oauth2PermissionGrants/{id}", cost: 2 },
    { method: "GET", path: "servicePrincipals/{id}/appRoleAssignments", cost: 2 },
    { method: "GET", path: "subscribedSkus", cost: 3 },
    { method: "GET", path: "users", cost: 2 },
  ],
  adjustments: { select: -1, expand: 1, topLessThan20: -1, minimumCost: 1 },
} as const;

/** includes/throttling-aad-reports.md: "5 requests per 10 seconds" per app per tenant. */
export const REPORTS_LIMIT = { limit: 5, windowSeconds: 10 } as const;

/**
 * concepts/throttling-limits.md, security: secureScore is "150 requests per minute" per app per
 * tenant and "4 concurrent requests" (secureScore and secureScoreControlProfile).
 */
export const SECURE_SCORE_LIMITS = {
  limit: 150,
  windowSeconds: 60,
  concurrentRequests: 4,
} as const;

/** includes/throttling-intune-devices.md: any request, per app per tenant: 2000 per 20 seconds. */
export const INTUNE_LIMIT = { limit: 2000, windowSeconds: 20 } as const;

/** includes/throttling-multi-tenant-platform.md (tenantRelationship): 1000 per 20 seconds. */
export const MULTI_TENANT_LIMIT = { limit: 1000, windowSeconds: 20 } as const;
