import type { RoleRow } from "../datasets/roles";
import type { UserRow } from "../datasets/users";
import { GLOBAL_ADMINISTRATOR_TEMPLATE_ID, isPrivilegedRoleTemplate } from "./privileged-roles";
import { compareText } from "./results";
import type { Evidence } from "./types";

/** A user holding one or more privileged roles, directly or through a role-assignable group. */
export interface PrivilegedUser {
  userId: string;
  /** The user's row when the users dataset has it (it may be partial). */
  user: UserRow | undefined;
  /** UPN from the users dataset, else the member's identifier or display name. */
  label: string;
  roles: string[];
}

function roleMatches(role: RoleRow, onlyGlobalAdmin: boolean): boolean {
  return onlyGlobalAdmin
    ? role.roleTemplateId.toLowerCase() === GLOBAL_ADMINISTRATOR_TEMPLATE_ID
    : isPrivilegedRoleTemplate(role.roleTemplateId);
}

function collectHolders(
  roles: readonly RoleRow[],
  users: readonly UserRow[],
  onlyGlobalAdmin: boolean,
): PrivilegedUser[] {
  const usersById = new Map(users.map((user) => [user.id, user]));
  const holders = new Map<string, PrivilegedUser>();
  for (const role of roles) {
    if (!roleMatches(role, onlyGlobalAdmin)) continue;
    for (const member of role.members) {
      if (member.kind !== "user") continue;
      const user = usersById.get(member.id);
      const holder = holders.get(member.id) ?? {
        userId: member.id,
        user,
        label: user?.userPrincipalName ?? member.identifier ?? member.displayName ?? member.id,
        roles: [],
      };
      if (!holder.roles.includes(role.displayName)) holder.roles.push(role.displayName);
      holders.set(member.id, holder);
    }
  }
  return [...holders.values()].sort((a, b) => compareText(a.label, b.label));
}

/** Distinct users holding any privileged role (see `PRIVILEGED_ROLES`). */
export function privilegedUsers(
  roles: readonly RoleRow[],
  users: readonly UserRow[] = [],
): PrivilegedUser[] {
  return collectHolders(roles, users, false);
}

/** Distinct users holding Global Administrator. */
export function globalAdministrators(
  roles: readonly RoleRow[],
  users: readonly UserRow[] = [],
): PrivilegedUser[] {
  return collectHolders(roles, users, true);
}

/** A privileged user whose row the users dataset has, with an account that is not disabled. */
export type EnabledPrivilegedUser = PrivilegedUser & { user: UserRow };

/**
 * Privileged users with a known, enabled account: the administrators MFA and sign-in rules judge
 * (a disabled admin is the disabled-admins finding; one missing from users cannot be judged).
 */
export function enabledPrivilegedUsers(
  roles: readonly RoleRow[],
  users: readonly UserRow[],
): EnabledPrivilegedUser[] {
  return privilegedUsers(roles, users).filter(
    (holder): holder is EnabledPrivilegedUser =>
      holder.user !== undefined && holder.user.accountEnabled !== false,
  );
}

/**
 * Enabled administrators as a population for `judgeMfaPopulation` and `judgeInactivity`: each
 * one's evidence names their roles before the judge's detail.
 */
export function administratorPopulation(
  roles: readonly RoleRow[],
  users: readonly UserRow[],
): { user: UserRow; evidence: (detail: string) => Evidence }[] {
  return enabledPrivilegedUsers(roles, users).map((holder) => ({
    user: holder.user,
    evidence: (detail: string) => holderEvidence(holder, `${holder.roles.join(", ")}; ${detail}`),
  }));
}

export function isEnabledMember(user: UserRow): boolean {
  return user.accountEnabled !== false && user.userType !== "Guest";
}

export function userEvidence(user: UserRow, detail: string): Evidence {
  return { dataset: "users", rowId: user.id, label: user.userPrincipalName, detail };
}

export function holderEvidence(holder: PrivilegedUser, detail: string): Evidence {
  return { dataset: "users", rowId: holder.userId, label: holder.label, detail };
}
