import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { RowOf } from "../datasets";
import {
  type BuildSnapshotInput,
  buildSnapshot,
  DuplicateRowIdError,
  datasetsWithWrongHash,
  diffSnapshots,
  hashDatasetRows,
  InvalidSnapshotError,
  type SnapshotEnvelope,
  snapshotEnvelopeSchema,
} from ".";
import { licenceRow, uniqueRows, userRow } from "./testing/row-arbitraries";

const base = {
  snapshotId: "5f0c3f2e-8a47-4a55-9b1e-1f4c8a0b6d21",
  tenantId: "aaaabbbb-0000-cccc-1111-dddd2222eeee",
  tenantDisplayName: "Contoso",
  companyId: "company-1",
  capturedAt: "2026-11-26T10:00:00Z",
} satisfies Partial<BuildSnapshotInput>;

const complete = { state: "complete" } as const;

function sampleUsers(): RowOf<"users">[] {
  return fc.sample(uniqueRows(userRow, 5), { numRuns: 1, seed: 7 })[0] ?? [];
}

describe("buildSnapshot", () => {
  it("builds an envelope the relay's schema accepts, with a content hash per dataset", () => {
    const users = sampleUsers();
    const envelope = buildSnapshot({
      ...base,
      capturedBy: "tech@partner.example",
      datasets: {
        users: { status: complete, collectedAt: base.capturedAt, rows: users },
        licences: {
          status: { state: "unavailable", reasonCode: "Authorization_RequestDenied" },
          collectedAt: base.capturedAt,
          rows: [],
        },
      },
    });
    expect(snapshotEnvelopeSchema.safeParse(envelope).success).toBe(true);
    expect(envelope.datasets.users?.contentHash).toBe(hashDatasetRows("users", users));
    expect(envelope.datasets.licences?.status).toEqual({
      state: "unavailable",
      reasonCode: "Authorization_RequestDenied",
    });
    expect(envelope.datasets.groups).toBeUndefined();
    expect(envelope.capturedBy).toBe("tech@partner.example");
  });

  it("hashes the rows the relay will store: properties the schema does not know are dropped first", () => {
    const users = sampleUsers();
    const withExtra = users.map((user) => ({ ...user, futureColumn: "x" }));
    const envelope = buildSnapshot({
      ...base,
      datasets: { users: { status: complete, collectedAt: base.capturedAt, rows: withExtra } },
    });
    expect(envelope.datasets.users?.rows[0]).not.toHaveProperty("futureColumn");
    expect(envelope.datasets.users?.contentHash).toBe(hashDatasetRows("users", users));
    expect(datasetsWithWrongHash(envelope)).toEqual([]);
  });

  it("leaves capturedBy out when it is not given", () => {
    expect(buildSnapshot({ ...base, datasets: {} })).not.toHaveProperty("capturedBy");
  });

  it("throws InvalidSnapshotError naming the bad field", () => {
    expect(() => buildSnapshot({ ...base, tenantId: "contoso", datasets: {} })).toThrow(
      InvalidSnapshotError,
    );
    expect(() => buildSnapshot({ ...base, tenantId: "contoso", datasets: {} })).toThrow("tenantId");
    const badRow = { ...sampleUsers()[0], userPrincipalName: 42 } as unknown as RowOf<"users">;
    expect(() =>
      buildSnapshot({
        ...base,
        datasets: { users: { status: complete, collectedAt: base.capturedAt, rows: [badRow] } },
      }),
    ).toThrow("datasets.users.rows.0.userPrincipalName");
  });

  it("throws DuplicateRowIdError for a dataset with a repeated object id", () => {
    const [user] = sampleUsers();
    if (!user) throw new Error("sample produced no user");
    expect(() =>
      buildSnapshot({
        ...base,
        datasets: { users: { status: complete, collectedAt: base.capturedAt, rows: [user, user] } },
      }),
    ).toThrow(DuplicateRowIdError);
  });
});

describe("datasetsWithWrongHash", () => {
  it("finds a dataset whose rows no longer match its hash", () => {
    const users = sampleUsers();
    const envelope = buildSnapshot({
      ...base,
      datasets: { users: { status: complete, collectedAt: base.capturedAt, rows: users } },
    });
    expect(datasetsWithWrongHash(envelope)).toEqual([]);
    const tampered: SnapshotEnvelope = {
      ...envelope,
      datasets: {
        users: {
          ...envelope.datasets.users,
          status: complete,
          collectedAt: base.capturedAt,
          contentHash: "0".repeat(64),
          rows: users,
        },
      },
    };
    expect(datasetsWithWrongHash(tampered)).toEqual(["users"]);
  });
});

describe("diffSnapshots", () => {
  function snapshotOf(datasets: BuildSnapshotInput["datasets"]): SnapshotEnvelope {
    return buildSnapshot({ ...base, datasets });
  }

  it("reports equal hashes as unchanged without reading the rows", () => {
    const users = sampleUsers();
    const older = snapshotOf({
      users: { status: complete, collectedAt: base.capturedAt, rows: users },
    });
    const usersDataset = older.datasets.users;
    if (!usersDataset) throw new Error("users missing");
    // Same hash, different rows: only the fast path can call this unchanged.
    const newer: SnapshotEnvelope = {
      ...older,
      datasets: { users: { ...usersDataset, rows: [] } },
    };
    expect(diffSnapshots(older, newer).users).toEqual({ kind: "unchanged" });
  });

  it("diffs a dataset whose hash changed, and flags a partial side", () => {
    fc.assert(
      fc.property(uniqueRows(licenceRow, 5), uniqueRows(licenceRow, 5), (before, after) => {
        fc.pre(hashDatasetRows("licences", before) !== hashDatasetRows("licences", after));
        const older = snapshotOf({
          licences: { status: complete, collectedAt: base.capturedAt, rows: before },
        });
        const newer = snapshotOf({
          licences: { status: { state: "partial" }, collectedAt: base.capturedAt, rows: after },
        });
        const comparison = diffSnapshots(older, newer).licences;
        expect(comparison.kind).toBe("changed");
        if (comparison.kind === "changed") {
          expect(comparison.partial).toBe(true);
          const touched =
            comparison.diff.added.length +
            comparison.diff.removed.length +
            comparison.diff.changed.length;
          expect(touched).toBeGreaterThan(0);
        }
      }),
      { numRuns: 50 },
    );
  });

  it("does not compare against a dataset that is missing or unavailable", () => {
    const users = sampleUsers();
    const withUsers = snapshotOf({
      users: { status: complete, collectedAt: base.capturedAt, rows: users },
    });
    const unavailable = snapshotOf({
      users: {
        status: { state: "unavailable", reasonCode: "AADSTS65001" },
        collectedAt: base.capturedAt,
        rows: [],
      },
    });
    const empty = snapshotOf({});
    expect(diffSnapshots(withUsers, unavailable).users).toEqual({
      kind: "notComparable",
      reason: "unavailableInNew",
    });
    expect(diffSnapshots(unavailable, withUsers).users).toEqual({
      kind: "notComparable",
      reason: "unavailableInOld",
    });
    expect(diffSnapshots(empty, withUsers).users).toEqual({
      kind: "notComparable",
      reason: "missingInOld",
    });
    expect(diffSnapshots(withUsers, empty).users).toEqual({
      kind: "notComparable",
      reason: "missingInNew",
    });
    expect(diffSnapshots(empty, empty).groups).toEqual({
      kind: "notComparable",
      reason: "missingInBoth",
    });
  });
});
