import { describe, expect, it } from "vitest";
import { readGraphSample, readGraphSampleItems } from "../../../../tests/support/graph-samples";
import type {
  GraphDirectoryRole,
  GraphRoleAssignment,
  GraphSecurityDefaultsPolicy,
  GraphUser,
} from "../../graph-types";
import { isUnavailable } from "../cells";
import { type UserRow, userRowSchema } from "../users";
import { mapUserRows } from "./map-user-rows";
import { usersInput } from "./test-input";

/** Which user property feeds which column: a sample's value must reach its row unchanged. */
const COLUMN_SOURCES: Readonly<Partial<Record<keyof UserRow, keyof GraphUser>>> = {
  id: "id",
  userPrincipalName: "userPrincipalName",
  displayName: "displayName",
  mail: "mail",
  otherMails: "otherMails",
  passwordPolicies: "passwordPolicies",
  createdOn: "createdDateTime",
  accountEnabled: "accountEnabled",
  userType: "userType",
  onPremisesSyncEnabled: "onPremisesSyncEnabled",
};

function expectNoColumnDataLost(users: readonly GraphUser[], rows: readonly UserRow[]): void {
  expect(userRowSchema.array().parse(rows)).toEqual(rows);
  const live = users.filter((user) => !("@removed" in user));
  expect(rows).toHaveLength(live.length);
  live.forEach((user, index) => {
    const row = rows[index] as UserRow;
    for (const [column, property] of Object.entries(COLUMN_SOURCES)) {
      if (property in user) expect(row[column as keyof UserRow]).toEqual(user[property]);
    }
    expect(row.assignedLicenseSkuIds).toEqual(
      (user.assignedLicenses ?? []).map((licence) => licence.skuId),
    );
  });
}

/**
 * Samples requested with a narrower `$select` than USER_SELECT lack the UPN, which every user has
 * and our collector always selects; tests add it visibly, to check the columns the sample has.
 */
function withUpn(users: readonly GraphUser[]): GraphUser[] {
  return users.map((user) =>
    Object.hasOwn(user, "@removed") || Object.hasOwn(user, "userPrincipalName")
      ? user
      : { ...user, userPrincipalName: `${user.id}@contoso.com` },
  );
}

describe("users from the published Graph samples", () => {
  it("maps users-list without losing a column", () => {
    const users = readGraphSampleItems<GraphUser>("users-list");
    expectNoColumnDataLost(users, mapUserRows(usersInput(users)));
  });

  it("maps user-get without losing a column", () => {
    const user = readGraphSample<GraphUser>("user-get");
    const rows = mapUserRows(usersInput([user]));
    expectNoColumnDataLost([user], rows);
    expect(rows[0]?.displayName).toBe("Adele Vance");
  });

  it("rejects users-list-select-assignedlicenses as published: its $select left out the UPN", () => {
    const users = readGraphSampleItems<GraphUser>("users-list-select-assignedlicenses");
    expect(() => mapUserRows(usersInput(users))).toThrow(
      expect.objectContaining({
        name: "GraphShapeError",
        entity: "user",
        objectId: "cb4954e8-467f-4a6d-a8c8-28b9034fadbc",
        field: "userPrincipalName",
      }),
    );
  });

  it("keeps mail and licences of users-list-select-assignedlicenses", () => {
    const users = withUpn(readGraphSampleItems<GraphUser>("users-list-select-assignedlicenses"));
    const rows = mapUserRows(usersInput(users));
    expectNoColumnDataLost(users, rows);
    expect(rows.map((row) => row.assignedLicenseSkuIds)).toEqual([
      ["cbdc14ab-d96c-4c30-b9f4-6ada7cdc1d46"],
      ["cbdc14ab-d96c-4c30-b9f4-6ada7cdc1d46"],
    ]);
  });

  for (const sample of [
    "users-delta",
    "users-delta-page2",
    "users-delta-final",
    "users-delta-changes",
    "users-delta-nochanges",
  ]) {
    it(`maps ${sample}, dropping the tombstones of removed users`, () => {
      const users = withUpn(readGraphSampleItems<GraphUser>(sample));
      const rows = mapUserRows(usersInput(users));
      expectNoColumnDataLost(users, rows);
      const removedIds = users.filter((user) => "@removed" in user).map((user) => user.id);
      expect(rows.filter((row) => removedIds.includes(row.id))).toEqual([]);
    });
  }

  it("shows the roles of roleassignments-list on the users who hold them", () => {
    const assignments = readGraphSampleItems<GraphRoleAssignment>("roleassignments-list");
    const holder = assignments[0]?.principal;
    const rows = mapUserRows(
      usersInput(
        [
          { id: holder?.id ?? "", userPrincipalName: "joeyc@contoso.com" },
          { id: "not-an-admin", userPrincipalName: "someone@contoso.com" },
        ],
        {
          roleAssignments: assignments,
          directoryRoles: readGraphSampleItems<GraphDirectoryRole>("directoryroles-list").map(
            (role) => ({ role, members: null }),
          ),
        },
      ),
    );
    expect(rows.map((row) => row.assignedRoles)).toEqual([["Global Administrator"], []]);
  });

  it("records the security defaults of identitysecuritydefaultsenforcementpolicy-get on every user", () => {
    const policy = readGraphSample<GraphSecurityDefaultsPolicy>(
      "identitysecuritydefaultsenforcementpolicy-get",
    );
    const rows = mapUserRows(
      usersInput([{ id: "u1", userPrincipalName: "u1@contoso.com" }], { securityDefaults: policy }),
    );
    expect(rows[0]?.mfa.securityDefaultsEnabled).toBe(true);
  });
});

describe("user columns", () => {
  const base: GraphUser = { id: "u1", userPrincipalName: "u1@contoso.com" };

  it("says last sign-in needs Entra ID P1 when signInActivity was not collected", () => {
    const [row] = mapUserRows(usersInput([base]));
    expect(isUnavailable(row?.lastSignIn)).toBe(true);
    expect(row?.lastSignIn).toMatchObject({ reason: expect.stringContaining("Entra ID P1") });
  });

  it("takes the last successful sign-in when Graph has it", () => {
    const [row] = mapUserRows(
      usersInput(
        [
          {
            ...base,
            signInActivity: {
              lastSignInDateTime: "2026-03-02T10:00:00Z",
              lastNonInteractiveSignInDateTime: "2026-03-03T10:00:00Z",
              lastSuccessfulSignInDateTime: "2026-03-01T10:00:00Z",
            },
          },
        ],
        { signInActivityCollected: true },
      ),
    );
    expect(row?.lastSignIn).toBe("2026-03-01T10:00:00Z");
  });

  it("falls back to the latest interactive or non-interactive sign-in for older data", () => {
    const [row] = mapUserRows(
      usersInput(
        [
          {
            ...base,
            signInActivity: {
              lastSignInDateTime: "2023-03-02T10:00:00Z",
              lastNonInteractiveSignInDateTime: "2023-03-03T10:00:00Z",
            },
          },
        ],
        { signInActivityCollected: true },
      ),
    );
    expect(row?.lastSignIn).toBe("2023-03-03T10:00:00Z");
  });

  it("leaves last sign-in empty for a user who never signed in", () => {
    const [row] = mapUserRows(usersInput([base], { signInActivityCollected: true }));
    expect(row?.lastSignIn).toBeNull();
  });

  it("shows an undocumented userType as not known rather than guessing member or guest", () => {
    const rows = mapUserRows(
      usersInput([
        { ...base, userType: "Guest" },
        { ...base, id: "u2", userType: "Viral" },
      ]),
    );
    expect(rows.map((row) => row.userType)).toEqual(["Guest", null]);
  });

  it("keeps hostile strings as data", () => {
    const [row] = mapUserRows(
      usersInput([{ ...base, displayName: '=HYPERLINK("http://x")', otherMails: ["@evil"] }]),
    );
    expect(row?.displayName).toBe('=HYPERLINK("http://x")');
    expect(row?.otherMails).toEqual(["@evil"]);
  });

  it("names the user and field when Graph sends a value of the wrong type", () => {
    const broken = { ...base, accountEnabled: "yes" } as unknown as GraphUser;
    expect(() => mapUserRows(usersInput([broken]))).toThrow(
      expect.objectContaining({ entity: "user", objectId: "u1", field: "accountEnabled" }),
    );
  });

  it("names the user and field when an item is not a user object at all", () => {
    expect(() => mapUserRows(usersInput([null as unknown as GraphUser]))).toThrow(
      expect.objectContaining({ entity: "user", objectId: null, field: "(object)" }),
    );
  });
});
