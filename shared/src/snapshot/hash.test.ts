import { sha256 } from "@noble/hashes/sha2.js";
import { bytesToHex, utf8ToBytes } from "@noble/hashes/utils.js";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { RowOf } from "../datasets";
import {
  canonicalRows,
  DuplicateRowIdError,
  hashDatasetRows,
  NotSerialisableError,
  type Sha256Factory,
} from ".";
import { unorderedPathsOf } from "./canonical-rows";
import { groupRow, roleRow, uniqueRows, userRow } from "./testing/row-arbitraries";
import { reshuffle, seededShuffle } from "./testing/shuffle";

const RUNS = { numRuns: 150 };

function presentedDifferently<Row>(
  datasetId: "users" | "groups" | "roles",
  rows: Row[],
  seed: number,
): Row[] {
  const paths = unorderedPathsOf(datasetId);
  return seededShuffle(rows, seed).map((row, index) => reshuffle(row, paths, seed + index) as Row);
}

type UserMutation = (row: RowOf<"users">) => RowOf<"users">;
const userMutations: [string, UserMutation][] = [
  ["display name", (row) => ({ ...row, displayName: `${row.displayName ?? ""}x` })],
  ["account enabled", (row) => ({ ...row, accountEnabled: row.accountEnabled !== true })],
  ["another mail", (row) => ({ ...row, otherMails: [...row.otherMails, "extra@contoso.com"] })],
  [
    "an MFA method",
    (row) => ({ ...row, mfa: { ...row.mfa, methods: [...row.mfa.methods, "fido2"] } }),
  ],
  [
    "MFA state",
    (row) => ({ ...row, mfa: { ...row.mfa, state: row.mfa.state === "yes" ? "no" : "yes" } }),
  ],
  [
    "last sign-in",
    (row) => ({ ...row, lastSignIn: row.lastSignIn === null ? "2020-01-01T00:00:00.000Z" : null }),
  ],
];

describe("hashDatasetRows", () => {
  it("is a sha256 hex digest of the canonical serialisation", () => {
    fc.assert(
      fc.property(uniqueRows(userRow), (rows) => {
        const expected = bytesToHex(sha256(utf8ToBytes(canonicalRows("users", rows))));
        expect(hashDatasetRows("users", rows)).toBe(expected);
      }),
      { numRuns: 50 },
    );
  });

  it("gives the one-shot digest also when the canonical text is hashed in several pieces", () => {
    const [template] = fc.sample(userRow, { numRuns: 1, seed: 11 });
    if (!template) throw new Error("no sample user");
    const padded = { ...template, displayName: "x".repeat(400) };
    const rows = Array.from({ length: 3_000 }, (_, index) => ({ ...padded, id: `user-${index}` }));
    const text = canonicalRows("users", rows);
    expect(text.length).toBeGreaterThan(2 * 1024 * 1024);
    expect(hashDatasetRows("users", rows)).toBe(bytesToHex(sha256(utf8ToBytes(text))));
  });

  it("ignores row order and the order of arrays Graph leaves unordered (users, groups, roles)", () => {
    fc.assert(
      fc.property(
        uniqueRows(userRow),
        uniqueRows(groupRow),
        uniqueRows(roleRow),
        fc.integer(),
        (users, groups, roles, seed) => {
          expect(hashDatasetRows("users", presentedDifferently("users", users, seed))).toBe(
            hashDatasetRows("users", users),
          );
          expect(hashDatasetRows("groups", presentedDifferently("groups", groups, seed))).toBe(
            hashDatasetRows("groups", groups),
          );
          expect(hashDatasetRows("roles", presentedDifferently("roles", roles, seed))).toBe(
            hashDatasetRows("roles", roles),
          );
        },
      ),
      RUNS,
    );
  });

  it("changes with any real change to a row", () => {
    fc.assert(
      fc.property(
        uniqueRows(userRow).filter((rows) => rows.length > 0),
        fc.nat(),
        fc.constantFrom(...userMutations),
        (rows, pick, [, mutate]) => {
          const index = pick % rows.length;
          const changed = rows.map((row, at) => (at === index ? mutate(row) : row));
          expect(hashDatasetRows("users", changed)).not.toBe(hashDatasetRows("users", rows));
        },
      ),
      RUNS,
    );
  });

  it("changes when a row is added or removed", () => {
    fc.assert(
      fc.property(
        uniqueRows(userRow).filter((rows) => rows.length > 0),
        (rows) => {
          expect(hashDatasetRows("users", rows.slice(1))).not.toBe(hashDatasetRows("users", rows));
        },
      ),
      RUNS,
    );
  });

  it("keeps secure score history in its order, because the order is the time series", () => {
    const row: RowOf<"secureScore"> = {
      id: "score-1",
      createdDateTime: "2026-11-26T00:00:00Z",
      currentScore: 40,
      maxScore: 80,
      percentage: 50,
      comparisons: [
        { basis: "AllTenants", averageScore: 41 },
        { basis: "TotalSeats", averageScore: 39 },
      ],
      controlScores: [],
      improvementActions: [],
      history: [
        { date: "2026-11-24", currentScore: 38, maxScore: 80 },
        { date: "2026-11-25", currentScore: 40, maxScore: 80 },
      ],
    };
    const reversedHistory = { ...row, history: [...row.history].reverse() };
    const reversedComparisons = { ...row, comparisons: [...row.comparisons].reverse() };
    expect(hashDatasetRows("secureScore", [reversedHistory])).not.toBe(
      hashDatasetRows("secureScore", [row]),
    );
    expect(hashDatasetRows("secureScore", [reversedComparisons])).toBe(
      hashDatasetRows("secureScore", [row]),
    );
  });

  it("feeds an injected sha256 exactly the canonical text, in pieces ending between rows", () => {
    const [template] = fc.sample(userRow, { numRuns: 1, seed: 12 });
    if (!template) throw new Error("no sample user");
    const padded = { ...template, displayName: "é".repeat(300) };
    const rows = Array.from({ length: 4_000 }, (_, index) => ({ ...padded, id: `user-${index}` }));
    const pieces: string[] = [];
    const recording: Sha256Factory = () => ({
      update: (data) => {
        pieces.push(typeof data === "string" ? data : new TextDecoder().decode(data));
      },
      digest: () => "recorded",
    });
    expect(hashDatasetRows("users", rows, recording)).toBe("recorded");
    expect(pieces.length).toBeGreaterThan(1);
    expect(pieces.join("")).toBe(canonicalRows("users", rows));
    for (const piece of pieces.slice(0, -1)) expect(piece.endsWith("}")).toBe(true);
  });

  it("hashes an empty dataset to the digest of []", () => {
    expect(hashDatasetRows("licences", [])).toBe(bytesToHex(sha256(utf8ToBytes("[]"))));
  });

  it("reports the first unserialisable value in input order, before any duplicate id", () => {
    const [template] = fc.sample(userRow, { numRuns: 1, seed: 13 });
    if (!template) throw new Error("no sample user");
    // Rows that only a cast can build: ids out of order, two bad values, a duplicate id.
    const rows = [
      { ...template, id: "b", displayName: 1n },
      { ...template, id: "a", mail: Symbol("mail") },
      { ...template, id: "a" },
    ] as unknown as RowOf<"users">[];
    expect(() => hashDatasetRows("users", rows)).toThrow(NotSerialisableError);
    expect(() => hashDatasetRows("users", rows)).toThrow('a bigint at "displayName"');
    expect(() => hashDatasetRows("users", rows.slice(1))).toThrow('a symbol at "mail"');
  });

  it("refuses two rows with the same object id", () => {
    fc.assert(
      fc.property(userRow, (row) => {
        expect(() => hashDatasetRows("users", [row, { ...row, displayName: "twin" }])).toThrow(
          DuplicateRowIdError,
        );
      }),
      { numRuns: 20 },
    );
  });
});
