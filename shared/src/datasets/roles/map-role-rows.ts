import type { RoleRow } from "../roles";
import { resolveRoles } from "./resolve-roles";
import type { RoleSourcesInput } from "./role-sources";

/**
 * One row per role that is assigned (or activated), with its holders; the user count is the
 * number of distinct users, however many paths (direct, through groups) lead to each.
 */
export function mapRoleRows(input: RoleSourcesInput): RoleRow[] {
  return resolveRoles(input).map(({ userIds, ...role }) => ({ ...role, userCount: userIds.size }));
}
