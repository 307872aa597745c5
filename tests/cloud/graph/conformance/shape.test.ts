import { describe, expect, it } from "vitest";
import { shapeDifferences } from "./shape";

describe("shape comparison", () => {
  it("ignores values but not names or JSON types", () => {
    expect(shapeDifferences({ a: "x", b: 1, c: null }, { a: "y", b: 2, c: null })).toEqual([]);
    expect(shapeDifferences({ a: "x" }, { a: 1 })).toEqual(["$.a: expected string, got number"]);
    expect(shapeDifferences({ a: "x", b: 1 }, { a: "x" })).toEqual(["$.b: missing"]);
    expect(shapeDifferences({ a: "x" }, { a: "x", z: 1 })).toEqual(["$.z: not in the sample"]);
    expect(shapeDifferences({ a: null }, { a: "x" })).toEqual(["$.a: expected null, got string"]);
  });

  it("allows only the named extra properties", () => {
    expect(shapeDifferences({ a: 1 }, { a: 1, id: "x" }, new Set(["id"]))).toEqual([]);
    expect(shapeDifferences({ a: 1 }, { a: 1, id: "x", other: 2 }, new Set(["id"]))).toEqual([
      "$.other: not in the sample",
    ]);
  });

  it("matches arrays as sets of element shapes, both ways", () => {
    const sample = {
      value: [
        { id: "1", name: "a" },
        { id: "2", "@removed": { reason: "deleted" } },
      ],
    };
    expect(
      shapeDifferences(sample, {
        value: [
          { id: "9", "@removed": { reason: "x" } },
          { id: "8", name: "b" },
          { id: "7", name: "c" },
        ],
      }),
    ).toEqual([]);
    expect(shapeDifferences(sample, { value: [{ id: "8", name: "b" }] })).toHaveLength(1);
    expect(
      shapeDifferences(sample, {
        value: [{ id: "8", name: "b" }, { id: "2", "@removed": {} }, { other: true }],
      }).length,
    ).toBeGreaterThan(0);
    expect(shapeDifferences({ value: [{ a: 1 }] }, { value: [] })).toEqual([
      "$.value[0]: no answer item has this shape (the answer is empty)",
    ]);
    expect(shapeDifferences({ value: [] }, { value: [{ anything: 1 }] })).toEqual([]);
  });

  it("compares nested arrays of primitives by element type", () => {
    expect(shapeDifferences({ tags: ["a"] }, { tags: ["b", "c"] })).toEqual([]);
    expect(shapeDifferences({ tags: ["a"] }, { tags: [1] }).length).toBeGreaterThan(0);
  });
});
