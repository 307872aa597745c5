import {
  ALL_ROLE_TEMPLATES,
  ROLE_TEMPLATES,
  type RoleKey,
  type RoleTemplate,
} from "../catalog/role-templates";
import { roleAssignmentId } from "../graph-ids";
import type { GraphObject } from "../model";
import type { GenerationContext, UserIndex } from "./context";
import { seedObject } from "./context";
import { buildRoleAssignableGroup } from "./groups";

/** Built-in definitions are identical in every tenant: one frozen object each, shared. */
const ROLE_DEFINITIONS: readonly GraphObject[] = ALL_ROLE_TEMPLATES.map((template) =>
  Object.freeze({
    id: template.templateId,
    description: template.description,
    displayName: template.displayName,
    isBuiltIn: true,
    isEnabled: true,
    isPrivileged: template.privileged,
    resourceScopes: Object.freeze(["/"]),
    templateId: template.templateId,
    version: "1",
    rolePermissions: Object.freeze([
      Object.freeze({ allowedResourceActions: template.allowedResourceActions, condition: null }),
    ]),
    inheritsPermissionsFrom:
      template === ROLE_TEMPLATES.directoryReaders ||
      template === ROLE_TEMPLATES.globalAdministrator
        ? Object.freeze([])
        : Object.freeze([Object.freeze({ id: ROLE_TEMPLATES.directoryReaders.templateId })]),
  }),
);

/** How often each role is handed out among extra (non-built-in) administrators. */
const EXTRA_ROLE_WEIGHTS: readonly (readonly [RoleKey, number])[] = [
  ["globalAdministrator", 8],
  ["userAdministrator", 10],
  ["helpdeskAdministrator", 12],
  ["exchangeAdministrator", 8],
  ["sharePointAdministrator", 6],
  ["securityAdministrator", 4],
  ["securityReader", 6],
  ["globalReader", 8],
  ["billingAdministrator", 6],
  ["teamsAdministrator", 5],
  ["licenseAdministrator", 4],
  ["authenticationAdministrator", 3],
  ["applicationAdministrator", 3],
  ["reportsReader", 3],
  ["passwordAdministrator", 2],
  ["privilegedRoleAdministrator", 1],
  ["complianceAdministrator", 2],
  ["groupsAdministrator", 3],
  ["guestInviter", 2],
];

export interface GeneratedRoles {
  /** Users holding any directory role, directly or through a role-assignable group. */
  adminUserIds: Set<string>;
  assignments: GraphObject[];
}

export function roleKeyOf(nameOrKey: string): RoleKey {
  if (nameOrKey in ROLE_TEMPLATES) return nameOrKey as RoleKey;
  const entry = Object.entries(ROLE_TEMPLATES).find(
    ([, template]) => template.displayName === nameOrKey,
  );
  if (!entry) throw new Error(`Unknown directory role "${nameOrKey}"`);
  return entry[0] as RoleKey;
}

/**
 * Role definitions (Microsoft's built-in templates), role assignments at directory scope `/` to
 * users, role-assignable groups and service principals, and the activated `directoryRoles` with
 * members matching those assignments.
 */
export function generateRoles(
  context: GenerationContext,
  users: UserIndex,
  servicePrincipals: readonly GraphObject[],
): GeneratedRoles {
  const { tenant, rng, spec } = context;
  for (const definition of ROLE_DEFINITIONS) seedObject(tenant, "roleDefinitions", definition);

  const wanted: [RoleTemplate, GraphObject][] = [];
  const assign = (key: RoleKey, principal: GraphObject) =>
    wanted.push([ROLE_TEMPLATES[key], principal]);
  assign("globalAdministrator", users.admin);
  assign("globalAdministrator", users.breakGlass);
  if (users.syncAccount) assign("directorySynchronizationAccounts", users.syncAccount);
  for (const namedSpec of spec.namedUsers) {
    const user = users.named.get(namedSpec.mailNickname);
    if (user) for (const role of namedSpec.roles) assign(roleKeyOf(role), user);
  }
  const staff = users.members.filter(
    (user) =>
      user !== users.admin &&
      user !== users.breakGlass &&
      user !== users.syncAccount &&
      !users.named.has(String(user.mailNickname)),
  );
  const extraAdmins = Math.min(40, Math.round(staff.length / 25));
  const weights = EXTRA_ROLE_WEIGHTS.filter(
    ([key]) => key !== "intuneAdministrator" || tenant.licensing.intune,
  );
  for (let i = 0; i < extraAdmins && staff.length > 0; i++)
    assign(rng.weighted(weights), rng.pick(staff));
  if (tenant.licensing.intune && staff.length > 0) assign("intuneAdministrator", rng.pick(staff));
  if (users.guests.length > 0 && rng.chance(0.4)) assign("globalReader", rng.pick(users.guests));

  // Role-assignable groups need Entra ID P1 (https://learn.microsoft.com/entra/identity/role-based-access-control/groups-concept).
  const adminUserIds = new Set<string>();
  if (tenant.licensing.entraIdP1 && staff.length >= 8) {
    const helpdesk = buildRoleAssignableGroup(
      context,
      "Role - Helpdesk Administrators",
      rng.sample(staff, rng.int(2, 4)).map((user) => user.id),
    );
    wanted.push([ROLE_TEMPLATES.helpdeskAdministrator, helpdesk.object]);
    const security = buildRoleAssignableGroup(
      context,
      "Role - Security Readers",
      rng.sample(staff, rng.int(1, 3)).map((user) => user.id),
    );
    wanted.push([ROLE_TEMPLATES.securityReader, security.object]);
    for (const id of [...helpdesk.memberIds, ...security.memberIds]) adminUserIds.add(id);
  }
  const [hrSync, backup] = servicePrincipals;
  if (hrSync) assign("userAdministrator", hrSync);
  if (backup) assign("globalReader", backup);

  const assignments: GraphObject[] = [];
  const membersByRole = new Map<string, string[]>();
  const seen = new Set<string>();
  for (const [template, principal] of wanted) {
    const id = roleAssignmentId(template.templateId, principal.id);
    if (seen.has(id)) continue;
    seen.add(id);
    const assignment: GraphObject = {
      id,
      appScopeId: null,
      condition: null,
      directoryScopeId: "/",
      principalId: principal.id,
      resourceScope: "/",
      roleDefinitionId: template.templateId,
    };
    assignments.push(assignment);
    seedObject(tenant, "roleAssignments", assignment);
    const members = membersByRole.get(template.templateId) ?? [];
    members.push(principal.id);
    membersByRole.set(template.templateId, members);
    if (principal.userPrincipalName !== undefined) adminUserIds.add(principal.id);
  }

  // directoryRoles exist only for activated roles: those with members (Global Administrator always is).
  for (const template of ALL_ROLE_TEMPLATES) {
    const members = membersByRole.get(template.templateId);
    if (!members) continue;
    const role: GraphObject = {
      id: rng.guid(),
      deletedDateTime: null,
      description: template.description,
      displayName: template.displayName,
      roleTemplateId: template.templateId,
    };
    seedObject(tenant, "directoryRoles", role);
    tenant.directoryRoleMembers.set(role.id, members);
  }
  return { adminUserIds, assignments };
}
