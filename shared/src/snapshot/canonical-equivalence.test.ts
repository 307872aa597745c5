/**
 * The optimised canonical serialiser against the original one (testing/reference-canonical-json.ts),
 * on arbitrary values: any difference in text would change stored hashes.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { canonicalJson, canonicalRow, NotSerialisableError } from ".";
import { writeCanonical } from "./canonical-json";
import { CanonicalLocation } from "./canonical-paths";
import { unorderedPathsOf } from "./canonical-rows";
import { referenceCanonicalJson } from "./testing/reference-canonical-json";
import { groupRow, roleRow, userRow } from "./testing/row-arbitraries";

// Keys that are awkward for a shape cache or for object key order: integer-like keys (listed
// first by Object.keys), the empty key, a dotted key, `__proto__` as an own key.
const KEYS = ["a", "b", "B", "é", "10", "2", "", "a.b", "__proto__", "id", "members"];

const primitive = fc.oneof(
  fc.string({ maxLength: 6 }),
  fc.string({ unit: "binary", maxLength: 4 }),
  fc.constantFrom('"', "\\", "\n", "\u2028", "\ud800", "ü"),
  fc.double(),
  fc.constantFrom(-0, Number.NaN, Number.POSITIVE_INFINITY, 1e21, 5e-7),
  fc.boolean(),
  fc.constant(null),
  fc.constant(undefined),
);

const { value: jsonish } = fc.letrec((tie) => ({
  value: fc.oneof(
    { depthSize: "small", withCrossShrink: true },
    primitive,
    fc.array(tie("value"), { maxLength: 4 }),
    fc.sparseArray(tie("value"), { maxLength: 4 }),
    // Object.fromEntries defines every key as an own property, `__proto__` included.
    fc
      .array(fc.tuple(fc.constantFrom(...KEYS), tie("value")), { maxLength: 5 })
      .map((entries) => Object.fromEntries(entries)),
  ),
}));

const dottedPath = fc
  .array(fc.constantFrom(...KEYS), { minLength: 1, maxLength: 3 })
  .map((keys) => keys.join("."));
const unorderedPaths = fc.array(dottedPath, { maxLength: 6 }).map((paths) => new Set(paths));

describe("canonicalJson against the original implementation", () => {
  it("writes the same text for any value, unordered path set and starting path", () => {
    fc.assert(
      fc.property(
        jsonish,
        unorderedPaths,
        fc.option(dottedPath, { nil: "" }),
        (value, paths, path) => {
          expect(canonicalJson(value, paths, path)).toBe(
            referenceCanonicalJson(value, paths, path),
          );
        },
      ),
      { numRuns: 500 },
    );
  });

  it("writes the same text when one location tree (and its shape cache) serves many values", () => {
    fc.assert(
      fc.property(fc.array(jsonish, { maxLength: 30 }), unorderedPaths, (values, paths) => {
        const location = new CanonicalLocation("", paths);
        for (const value of values) {
          expect(writeCanonical(value, location)).toBe(referenceCanonicalJson(value, paths));
        }
      }),
      { numRuns: 200 },
    );
  });

  it("writes the same text for generated users, groups and roles rows", () => {
    fc.assert(
      fc.property(userRow, groupRow, roleRow, (user, group, role) => {
        expect(canonicalRow("users", user)).toBe(
          referenceCanonicalJson(user, unorderedPathsOf("users")),
        );
        expect(canonicalRow("groups", group)).toBe(
          referenceCanonicalJson(group, unorderedPathsOf("groups")),
        );
        expect(canonicalRow("roles", role)).toBe(
          referenceCanonicalJson(role, unorderedPathsOf("roles")),
        );
      }),
      { numRuns: 200 },
    );
  });

  it.each([
    ["a bigint", 1n],
    ["a function", () => 1],
    ["a symbol", Symbol("s")],
  ])("refuses %s with the same error, naming the same path", (_, bad) => {
    const value = { a: [{ b: "x" }, { b: bad }], c: 1 };
    const paths = new Set(["a"]);
    expect(() => canonicalJson(value, paths)).toThrow(NotSerialisableError);
    expect(() => canonicalJson(value, paths)).toThrow(
      (() => {
        try {
          referenceCanonicalJson(value, paths);
        } catch (error) {
          return (error as Error).message;
        }
        throw new Error("the reference accepted the value");
      })(),
    );
  });
});
