import {
  type GraphDirectoryObject,
  graphDirectoryObjectSchema,
  graphDirectoryRoleSchema,
  graphRoleAssignmentSchema,
  graphRoleDefinitionSchema,
  isTombstone,
  parseGraphObject,
} from "../../graph-types";
import { compareByKeys, compareOrdinal } from "../compare";
import type { RoleMember } from "../roles";
import { principalKind } from "./principal-kind";
import type { RoleSourcesInput } from "./role-sources";

/** A directory role with everyone holding it, directly or through a role-assignable group. */
export interface ResolvedRole {
  /** Role definition id (= template id for built-in roles). */
  id: string;
  displayName: string;
  description: string | null;
  roleTemplateId: string;
  isBuiltIn: boolean | null;
  members: RoleMember[];
  /** Distinct ids of the users holding the role, however many paths lead to them. */
  userIds: ReadonlySet<string>;
}

interface RoleMetadata {
  displayName: string;
  description: string | null;
  roleTemplateId: string;
  isBuiltIn: boolean | null;
}

type ParsedPrincipal = ReturnType<typeof parseDirectoryObject>;

function parseDirectoryObject(value: GraphDirectoryObject) {
  return parseGraphObject(graphDirectoryObjectSchema, "directoryObject", value);
}

class RoleHolders {
  private readonly byKey = new Map<string, RoleMember>();
  readonly userIds = new Set<string>();

  add(member: RoleMember): void {
    this.byKey.set(`${member.id}\u0000${member.viaGroup ?? ""}`, member);
    if (member.kind === "user") this.userIds.add(member.id);
  }

  sorted(): RoleMember[] {
    return [...this.byKey.values()].sort((a, b) =>
      compareByKeys([a.viaGroup, a.displayName, a.id], [b.viaGroup, b.displayName, b.id]),
    );
  }
}

/**
 * Joins role definitions, active role assignments (with their expanded principal), the members of
 * role-assignable groups and, where collected, the legacy activated `directoryRoles` into one list
 * of roles with their holders. Only roles that are assigned or activated appear.
 */
export function resolveRoles(input: RoleSourcesInput): ResolvedRole[] {
  const metadata = new Map<string, RoleMetadata>();
  for (const raw of input.roleDefinitions) {
    const definition = parseGraphObject(graphRoleDefinitionSchema, "unifiedRoleDefinition", raw);
    metadata.set(definition.id, {
      displayName: definition.displayName,
      description: definition.description ?? null,
      roleTemplateId: definition.templateId ?? definition.id,
      isBuiltIn: definition.isBuiltIn ?? null,
    });
  }

  const groupMembersCache = new Map<string, ParsedPrincipal[]>();
  const membersOfGroup = (groupId: string): ParsedPrincipal[] | undefined => {
    const cached = groupMembersCache.get(groupId);
    if (cached) return cached;
    const raw = input.groupMembers.get(groupId);
    if (!raw) return undefined;
    // A member list read with delta can carry tombstones of removed members: they hold nothing.
    const parsed = raw.filter((member) => !isTombstone(member)).map(parseDirectoryObject);
    groupMembersCache.set(groupId, parsed);
    return parsed;
  };

  const holders = new Map<string, RoleHolders>();
  const holdersOf = (roleId: string): RoleHolders => {
    let role = holders.get(roleId);
    if (!role) {
      role = new RoleHolders();
      holders.set(roleId, role);
    }
    return role;
  };

  const addPrincipal = (role: RoleHolders, principal: ParsedPrincipal): void => {
    let kind = principalKind(principal);
    const groupMembers = membersOfGroup(principal.id);
    if (kind === "unknown" && groupMembers) kind = "group";
    role.add(toMember(principal, kind, null));
    if (kind !== "group") return;
    const viaGroup = principal.displayName ?? principal.id;
    for (const member of groupMembers ?? []) {
      // Role-assignable groups cannot contain groups, so one level is the whole story; a nested
      // group that shows up anyway is listed as a member, not expanded.
      role.add(toMember(member, principalKind(member), viaGroup));
    }
  };

  for (const raw of input.roleAssignments) {
    const assignment = parseGraphObject(graphRoleAssignmentSchema, "unifiedRoleAssignment", raw);
    // Without `$expand=principal` only the id is known; the kind is then inferred from the group
    // member lists (a group) or left "unknown".
    const principal = assignment.principal ?? parseDirectoryObject({ id: assignment.principalId });
    addPrincipal(holdersOf(assignment.roleDefinitionId), principal);
  }

  for (const { role: rawRole, members } of input.directoryRoles ?? []) {
    const role = parseGraphObject(graphDirectoryRoleSchema, "directoryRole", rawRole);
    // An activated directoryRole's id is an instance id; the template id names the role
    // definition, so both APIs meet on it.
    if (!metadata.has(role.roleTemplateId)) {
      metadata.set(role.roleTemplateId, {
        displayName: role.displayName,
        description: role.description ?? null,
        roleTemplateId: role.roleTemplateId,
        isBuiltIn: null,
      });
    }
    const roleHolders = holdersOf(role.roleTemplateId);
    for (const member of members ?? []) {
      if (!isTombstone(member)) addPrincipal(roleHolders, parseDirectoryObject(member));
    }
  }

  return [...holders.entries()]
    .map(([id, roleHolders]): ResolvedRole => {
      // An assignment to a definition that was not collected keeps its id as its only name.
      const known = metadata.get(id);
      return {
        id,
        displayName: known?.displayName ?? id,
        description: known?.description ?? null,
        roleTemplateId: known?.roleTemplateId ?? id,
        isBuiltIn: known?.isBuiltIn ?? null,
        members: roleHolders.sorted(),
        userIds: roleHolders.userIds,
      };
    })
    .sort((a, b) => compareOrdinal(a.displayName, b.displayName) || compareOrdinal(a.id, b.id));
}

function toMember(
  principal: ParsedPrincipal,
  kind: RoleMember["kind"],
  viaGroup: string | null,
): RoleMember {
  const identifier =
    kind === "user"
      ? (principal.userPrincipalName ?? null)
      : kind === "servicePrincipal"
        ? (principal.appId ?? null)
        : null;
  return {
    id: principal.id,
    kind,
    displayName: principal.displayName ?? null,
    identifier,
    viaGroup,
  };
}
