import type { UsersInput } from "../../shared/src/datasets/users/users-input";
import type {
  GraphRoleAssignment,
  GraphRoleDefinition,
  GraphUser,
  GraphUserRegistrationDetails,
} from "../../shared/src/graph-types";
import { mulberry32 } from "../support/mulberry32";

function seededUuid(random: () => number): string {
  const hex = Array.from({ length: 32 }, () => Math.floor(random() * 16).toString(16)).join("");
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-a${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

const FIRST = [
  "Adele",
  "Alex",
  "Diego",
  "Grady",
  "Isaiah",
  "Johanna",
  "Lee",
  "Lidia",
  "Megan",
  "Nestor",
];
const LAST = [
  "Vance",
  "Wilber",
  "Siciliani",
  "Archie",
  "Langer",
  "Lorenz",
  "Gu",
  "Holloway",
  "Bowen",
  "Wilke",
];
const METHODS = [
  "microsoftAuthenticatorPush",
  "mobilePhone",
  "email",
  "fido2",
  "windowsHelloForBusiness",
];
const SKUS = ["c7df2760-2c81-4ef7-b578-5b5392b571df", "05e9a617-0261-4cee-bb44-138d3ef5d965"];

const ROLES: GraphRoleDefinition[] = [
  {
    id: "62e90394-69f5-4237-9190-012177145e10",
    displayName: "Global Administrator",
    isBuiltIn: true,
  },
  {
    id: "fe930be7-5e62-47db-91af-98c3a49a38b1",
    displayName: "User Administrator",
    isBuiltIn: true,
  },
  {
    id: "729827e3-9c14-49f7-bb1b-9608f156bbb8",
    displayName: "Helpdesk Administrator",
    isBuiltIn: true,
  },
];

function pick<T>(random: () => number, items: readonly T[]): T {
  return items[Math.floor(random() * items.length)] as T;
}

function isoDaysAgo(random: () => number, maxDays: number): string {
  return new Date(
    Date.UTC(2026, 10, 26) - Math.floor(random() * maxDays * 86_400_000),
  ).toISOString();
}

/**
 * A seeded, Graph-shaped tenant for the core benchmark: `count` users as `/users` returns them
 * (with signInActivity), the P1 MFA registration report, and a few role assignments. Same seed,
 * same tenant, so runs are comparable.
 */
export function generateUsersInput(count: number, seed: number): UsersInput {
  const random = mulberry32(seed);
  const users: GraphUser[] = [];
  const registrations: GraphUserRegistrationDetails[] = [];
  for (let index = 0; index < count; index++) {
    const id = seededUuid(random);
    const first = pick(random, FIRST);
    const last = pick(random, LAST);
    const upn = `${first}.${last}${index}@contoso.com`.toLowerCase();
    users.push({
      id,
      userPrincipalName: upn,
      displayName: `${first} ${last}`,
      mail: upn,
      otherMails: random() < 0.2 ? [`${first}${index}@fabrikam.com`.toLowerCase()] : [],
      passwordPolicies: random() < 0.1 ? "DisablePasswordExpiration" : null,
      createdDateTime: isoDaysAgo(random, 2000),
      accountEnabled: random() > 0.05,
      userType: random() < 0.08 ? "Guest" : "Member",
      onPremisesSyncEnabled: random() < 0.3 ? true : null,
      assignedLicenses: random() < 0.8 ? [{ skuId: pick(random, SKUS), disabledPlans: [] }] : [],
      signInActivity: { lastSignInDateTime: isoDaysAgo(random, 180) },
    });
    const methods = METHODS.filter(() => random() < 0.35);
    registrations.push({
      id,
      userPrincipalName: upn,
      isMfaRegistered: methods.length > 0,
      isMfaCapable: methods.length > 0,
      methodsRegistered: methods,
      isAdmin: false,
    });
  }
  const roleAssignments: GraphRoleAssignment[] = users.slice(0, 60).map((user, index) => {
    const role = ROLES[index % ROLES.length] as GraphRoleDefinition;
    return {
      id: `assignment-${index}`,
      principalId: user.id,
      roleDefinitionId: role.id,
      directoryScopeId: "/",
      principal: {
        "@odata.type": "#microsoft.graph.user",
        id: user.id,
        displayName: user.displayName ?? null,
        userPrincipalName: user.userPrincipalName,
      },
    };
  });
  return {
    users,
    signInActivityCollected: true,
    registrationDetails: { status: "collected", items: registrations },
    securityDefaults: { isEnabled: false },
    roleDefinitions: ROLES,
    roleAssignments,
    groupMembers: new Map(),
  };
}
