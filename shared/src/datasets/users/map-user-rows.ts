import {
  type GraphAuthenticationMethod,
  type GraphUserRegistrationDetails,
  graphAuthenticationMethodSchema,
  graphUserRegistrationDetailsSchema,
  graphUserSchema,
  isTombstone,
  parseGraphObject,
} from "../../graph-types";
import { compareOrdinal } from "../compare";
import { resolveRoles } from "../roles/resolve-roles";
import type { UserRow } from "../users";
import { lastSignInOf } from "./last-sign-in";
import { decideMfaStatus } from "./mfa/mfa-status";
import { securityDefaultsEnabled } from "./mfa/security-defaults";
import type { UsersInput } from "./users-input";

/** One row per user, with the roles they hold and the MFA answer and its source. */
export function mapUserRows(input: UsersInput): UserRow[] {
  const rolesByUser = roleNamesByUser(input);
  const registrations = registrationsByUser(input);
  const registrationUnavailableCode =
    input.registrationDetails.status === "unavailable" ? input.registrationDetails.errorCode : null;
  const defaultsEnabled = securityDefaultsEnabled(input.securityDefaults);

  const rows: UserRow[] = [];
  for (const raw of input.users) {
    // Delta pages carry tombstones ({id, "@removed"}) for deleted users: they are not users.
    if (isTombstone(raw)) continue;
    const user = parseGraphObject(graphUserSchema, "user", raw);
    rows.push({
      id: user.id,
      userPrincipalName: user.userPrincipalName,
      displayName: user.displayName ?? null,
      mail: user.mail ?? null,
      assignedRoles: rolesByUser.get(user.id) ?? [],
      mfa: decideMfaStatus({
        registration: registrations.get(user.id),
        registrationUnavailableCode,
        methods: methodsOf(input, user.id),
        securityDefaultsEnabled: defaultsEnabled,
      }),
      otherMails: user.otherMails ?? [],
      passwordPolicies: user.passwordPolicies ?? null,
      createdOn: user.createdDateTime ?? null,
      accountEnabled: user.accountEnabled ?? null,
      userType: userTypeOf(user.userType),
      onPremisesSyncEnabled: user.onPremisesSyncEnabled ?? null,
      lastSignIn: lastSignInOf(user, input.signInActivityCollected),
      assignedLicenseSkuIds: (user.assignedLicenses ?? []).map((licence) => licence.skuId),
    });
  }
  return rows;
}

function roleNamesByUser(input: UsersInput): Map<string, string[]> {
  const byUser = new Map<string, Set<string>>();
  for (const role of resolveRoles(input)) {
    for (const userId of role.userIds) {
      let names = byUser.get(userId);
      if (!names) {
        names = new Set();
        byUser.set(userId, names);
      }
      names.add(role.displayName);
    }
  }
  return new Map(
    [...byUser].map(([userId, names]) => [userId, [...names].sort(compareOrdinal)] as const),
  );
}

function registrationsByUser(input: UsersInput): Map<string, GraphUserRegistrationDetails> {
  const byUser = new Map<string, GraphUserRegistrationDetails>();
  if (input.registrationDetails.status !== "collected") return byUser;
  for (const raw of input.registrationDetails.items) {
    const details = parseGraphObject(
      graphUserRegistrationDetailsSchema,
      "userRegistrationDetails",
      raw,
    );
    byUser.set(details.id, details);
  }
  return byUser;
}

function methodsOf(input: UsersInput, userId: string): GraphAuthenticationMethod[] | undefined {
  return input.authenticationMethods
    ?.get(userId)
    ?.map((method) =>
      parseGraphObject(graphAuthenticationMethodSchema, "authenticationMethod", method),
    );
}

/** Graph documents "Member" and "Guest"; anything else is shown as not known rather than guessed. */
function userTypeOf(value: string | null | undefined): UserRow["userType"] {
  return value === "Member" || value === "Guest" ? value : null;
}
