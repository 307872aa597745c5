import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { RowOf } from "../datasets";
import {
  applyDatasetDiff,
  canonicalRows,
  DiffConflictError,
  DuplicateRowIdError,
  diffDataset,
  isEmptyDiff,
} from ".";
import { groupRow, roleRow, uniqueRows, userRow } from "./testing/row-arbitraries";

const RUNS = { numRuns: 150 };

/** Two versions of one dataset that share some object ids, like two syncs of one tenant. */
function versions<Row extends { id: string }>(row: fc.Arbitrary<Row>) {
  return fc
    .tuple(uniqueRows(row, 10), uniqueRows(row, 10), fc.array(fc.boolean(), { maxLength: 10 }))
    .map(([older, newer, keepIds]) => {
      // Give some new rows the id of an old row so that "changed" is exercised, not only add/remove.
      const reused = newer.map((item, index) => {
        const old = older[index];
        return keepIds[index] && old !== undefined ? { ...item, id: old.id } : item;
      });
      const unique = [...new Map(reused.map((item) => [item.id, item])).values()];
      return [older, unique] as const;
    });
}

describe("diffDataset and applyDatasetDiff", () => {
  it("applying diff(a, b) to a gives b (users, groups, roles)", () => {
    fc.assert(
      fc.property(
        versions(userRow),
        versions(groupRow),
        versions(roleRow),
        (users, groups, roles) => {
          const [oldUsers, newUsers] = users;
          expect(
            canonicalRows(
              "users",
              applyDatasetDiff(oldUsers, diffDataset("users", oldUsers, newUsers)),
            ),
          ).toBe(canonicalRows("users", newUsers));
          const [oldGroups, newGroups] = groups;
          expect(
            canonicalRows(
              "groups",
              applyDatasetDiff(oldGroups, diffDataset("groups", oldGroups, newGroups)),
            ),
          ).toBe(canonicalRows("groups", newGroups));
          const [oldRoles, newRoles] = roles;
          expect(
            canonicalRows(
              "roles",
              applyDatasetDiff(oldRoles, diffDataset("roles", oldRoles, newRoles)),
            ),
          ).toBe(canonicalRows("roles", newRoles));
        },
      ),
      RUNS,
    );
  });

  it("finds nothing between a dataset and itself", () => {
    fc.assert(
      fc.property(uniqueRows(userRow), (rows) => {
        expect(isEmptyDiff(diffDataset("users", rows, [...rows].reverse()))).toBe(true);
      }),
      RUNS,
    );
  });

  it("names exactly the fields that changed", () => {
    fc.assert(
      fc.property(userRow, (row) => {
        const after = {
          ...row,
          displayName: `${row.displayName ?? ""}!`,
          otherMails: [...row.otherMails, "x@y.z"],
        };
        const diff = diffDataset("users", [row], [after]);
        expect(diff.changed).toEqual([
          { id: row.id, before: row, after, fields: ["displayName", "otherMails"] },
        ]);
      }),
      { numRuns: 50 },
    );
  });

  it("does not report a reordered unordered array as a change", () => {
    const group: RowOf<"groups"> = {
      id: "g1",
      displayName: "Sales",
      description: null,
      mail: "sales@contoso.com",
      groupTypes: ["Unified"],
      mailEnabled: true,
      proxyAddresses: ["SMTP:sales@contoso.com", "smtp:sales@contoso.onmicrosoft.com"],
      resourceBehaviorOptions: [],
      securityEnabled: false,
      securityIdentifier: "S-1-12-1-1",
      kind: "Microsoft 365",
      memberCount: 3,
      onPremisesSyncEnabled: null,
    };
    const reordered = { ...group, proxyAddresses: [...group.proxyAddresses].reverse() };
    expect(isEmptyDiff(diffDataset("groups", [group], [reordered]))).toBe(true);
    const renamed = { ...group, displayName: "Sales EU" };
    expect(diffDataset("groups", [group], [renamed]).changed[0]?.fields).toEqual(["displayName"]);
  });

  it("lists added and removed rows sorted by id", () => {
    fc.assert(
      fc.property(uniqueRows(userRow, 6), uniqueRows(userRow, 6), (older, newer) => {
        const newIds = new Set(newer.map((row) => row.id));
        const oldIds = new Set(older.map((row) => row.id));
        const diff = diffDataset("users", older, newer);
        expect(diff.removed.map((row) => row.id)).toEqual(
          older
            .map((row) => row.id)
            .filter((id) => !newIds.has(id))
            .sort(),
        );
        expect(diff.added.map((row) => row.id)).toEqual(
          newer
            .map((row) => row.id)
            .filter((id) => !oldIds.has(id))
            .sort(),
        );
      }),
      RUNS,
    );
  });

  it("refuses duplicate ids in either input", () => {
    fc.assert(
      fc.property(userRow, (row) => {
        expect(() => diffDataset("users", [row, row], [])).toThrow(DuplicateRowIdError);
        expect(() => diffDataset("users", [], [row, row])).toThrow(DuplicateRowIdError);
      }),
      { numRuns: 10 },
    );
  });

  it("refuses to apply a diff to rows it was not computed from", () => {
    fc.assert(
      fc.property(userRow, userRow, (a, b) => {
        fc.pre(a.id !== b.id);
        const diff = diffDataset("users", [a], [b]);
        expect(() => applyDatasetDiff([b], diff)).toThrow(DiffConflictError);
        expect(() => applyDatasetDiff([], diff)).toThrow(DiffConflictError);
      }),
      { numRuns: 30 },
    );
  });
});
