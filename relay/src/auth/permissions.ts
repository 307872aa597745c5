import type { Role } from "../db/tokens";

/** What a request may do. Every route names the permission it needs. */
export type Permission =
  | "read"
  | "companies:write"
  | "companies:delete"
  | "credentials:write"
  | "credentials:delete"
  | "mappings:write"
  | "snapshots:push"
  | "tokens:manage"
  | "audit:read";

/**
 * admin: everything. technician: companies, credentials metadata, mappings, pushing and reading
 * snapshots — but not deleting companies (that drops every snapshot) or credentials. viewer: read.
 */
const ROLE_PERMISSIONS: Record<Role, ReadonlySet<Permission>> = {
  admin: new Set<Permission>([
    "read",
    "companies:write",
    "companies:delete",
    "credentials:write",
    "credentials:delete",
    "mappings:write",
    "snapshots:push",
    "tokens:manage",
    "audit:read",
  ]),
  technician: new Set<Permission>([
    "read",
    "companies:write",
    "credentials:write",
    "mappings:write",
    "snapshots:push",
  ]),
  viewer: new Set<Permission>(["read"]),
};

export function roleAllows(role: Role, permission: Permission): boolean {
  return ROLE_PERMISSIONS[role].has(permission);
}

/** The authenticated caller: a token's identity, never its secret. */
export interface Principal {
  tokenId: string;
  name: string;
  role: Role;
  /** Company ids this token may touch; null = every company. */
  companyScope: readonly string[] | null;
}

export function canAccessCompany(principal: Principal, companyId: string): boolean {
  return principal.companyScope === null || principal.companyScope.includes(companyId);
}
