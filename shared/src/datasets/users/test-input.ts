import type { GraphUser } from "../../graph-types";
import type { UsersInput } from "./users-input";

/** A UsersInput for tests: no roles, P1 report unavailable, nothing else collected. */
export function usersInput(
  users: readonly GraphUser[],
  overrides: Partial<UsersInput> = {},
): UsersInput {
  return {
    users,
    signInActivityCollected: false,
    registrationDetails: {
      status: "unavailable",
      errorCode: "Authentication_RequestFromNonPremiumTenantOrB2CTenant",
    },
    securityDefaults: null,
    roleDefinitions: [],
    roleAssignments: [],
    groupMembers: new Map(),
    ...overrides,
  };
}
