/**
 * Graph's URL segments are case-insensitive (`auditlogs/directoryaudits` works, as the
 * directoryAudit doc sample's @odata.context shows). Routes are written in Graph's casing, so
 * known segment names are mapped to it before routing; ids and other segments are left alone.
 */
const KNOWN_SEGMENTS = [
  "$batch",
  "$count",
  "auditLogs",
  "authentication",
  "authenticationMethods",
  "appRoleAssignedTo",
  "conditionalAccess",
  "contracts",
  "delegatedAdminCustomers",
  "delegatedAdminRelationships",
  "delta",
  "deviceManagement",
  "devices",
  "directory",
  "directoryAudits",
  "directoryRoles",
  "groups",
  "identity",
  "identitySecurityDefaultsEnforcementPolicy",
  "managedDevices",
  "me",
  "memberOf",
  "members",
  "methods",
  "oauth2PermissionGrants",
  "organization",
  "policies",
  "reports",
  "roleAssignments",
  "roleDefinitions",
  "roleManagement",
  "secureScoreControlProfiles",
  "secureScores",
  "security",
  "servicePrincipals",
  "subscribedSkus",
  "tenantRelationships",
  "userRegistrationDetails",
  "users",
];

const BY_LOWER = new Map(KNOWN_SEGMENTS.map((segment) => [segment.toLowerCase(), segment]));

export function isKnownSegment(segment: string): boolean {
  return BY_LOWER.has(segment.toLowerCase());
}

/** Canonical path of a Graph request URL, e.g. `/v1.0/auditLogs/directoryAudits`. */
export function canonicalGraphPath(request: Request): string {
  const url = new URL(request.url);
  return canonicalisePath(url.pathname);
}

export function canonicalisePath(pathname: string): string {
  const segments = pathname.split("/").flatMap((raw) => {
    let segment = raw;
    try {
      segment = decodeURIComponent(raw);
    } catch {
      // Keep a segment with a stray % as it came; routing will not match it.
    }
    // Alternate key syntax: servicePrincipals(appId='…') → servicePrincipals/appId='…'
    const alternate = /^([A-Za-z0-9]+)\((.+)\)$/.exec(segment);
    if (alternate?.[1] && alternate[2] && BY_LOWER.has(alternate[1].toLowerCase())) {
      return [BY_LOWER.get(alternate[1].toLowerCase()) ?? alternate[1], alternate[2]];
    }
    return [BY_LOWER.get(segment.toLowerCase()) ?? segment];
  });
  // Graph ignores a trailing slash (`/users/`).
  const joined = segments.join("/");
  return joined.length > 1 && joined.endsWith("/") ? joined.slice(0, -1) : joined;
}
