import type {
  GraphDirectoryObject,
  GraphDirectoryRole,
  GraphRoleAssignment,
  GraphRoleDefinition,
} from "../../graph-types";

/** Which properties the collector selects, so the mappers always find what they read. */
export const ROLE_DEFINITION_SELECT = [
  "id",
  "displayName",
  "description",
  "templateId",
  "isBuiltIn",
] as const;

/** Requested together with `$expand=principal` (see ROLE_ASSIGNMENT_EXPAND). */
export const ROLE_ASSIGNMENT_SELECT = [
  "id",
  "principalId",
  "roleDefinitionId",
  "directoryScopeId",
] as const;
export const ROLE_ASSIGNMENT_EXPAND = "principal";

/** For `groups/{id}/members` of role-assignable groups and `directoryRoles/{id}/members`. */
export const ROLE_MEMBER_SELECT = ["id", "displayName", "userPrincipalName", "appId"] as const;

export interface DirectoryRoleWithMembers {
  role: GraphDirectoryRole;
  /** `directoryRoles/{id}/members`; null when not collected. */
  members: readonly GraphDirectoryObject[] | null;
}

/** Everything that says who holds which directory role. */
export interface RoleSourcesInput {
  roleDefinitions: readonly GraphRoleDefinition[];
  /** `roleManagement/directory/roleAssignments?$expand=principal`: active assignments. */
  roleAssignments: readonly GraphRoleAssignment[];
  /**
   * Members of each role-assignable group that is a role assignee, by group id. Members of such a
   * group hold the group's roles; role-assignable groups can't contain other groups.
   */
  groupMembers: ReadonlyMap<string, readonly GraphDirectoryObject[]>;
  /** Activated roles from the legacy `directoryRoles` API, when collected. */
  directoryRoles?: readonly DirectoryRoleWithMembers[];
}
