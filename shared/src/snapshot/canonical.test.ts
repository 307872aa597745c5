import { describe, expect, it } from "vitest";
import { z } from "zod";
import { DATASET_IDS, ROW_SCHEMAS, type RowOf } from "../datasets";
import { CANONICAL_RULES, canonicalJson, canonicalRows, NotSerialisableError } from ".";

/** Dotted paths of every array in a zod schema (arrays transparent, as in CANONICAL_RULES). */
function arrayPaths(schema: z.ZodType, path = ""): string[] {
  if (schema instanceof z.ZodNullable || schema instanceof z.ZodOptional) {
    return arrayPaths(schema.unwrap() as z.ZodType, path);
  }
  if (schema instanceof z.ZodUnion) {
    return (schema.options as z.ZodType[]).flatMap((option) => arrayPaths(option, path));
  }
  if (schema instanceof z.ZodArray) {
    return [path, ...arrayPaths(schema.element as z.ZodType, path)];
  }
  if (schema instanceof z.ZodObject) {
    return Object.entries(schema.shape as Record<string, z.ZodType>).flatMap(([key, child]) =>
      arrayPaths(child, path === "" ? key : `${path}.${key}`),
    );
  }
  return [];
}

describe("canonicalJson", () => {
  it("orders object keys ordinally, drops undefined members and keeps JSON semantics", () => {
    const value = { b: 1, a: [3, 1, 2], Z: undefined, c: { y: null, x: -0 }, n: Number.NaN };
    expect(canonicalJson(value, new Set())).toBe(
      '{"a":[3,1,2],"b":1,"c":{"x":0,"y":null},"n":null}',
    );
    expect(JSON.parse(canonicalJson(value, new Set()))).toEqual({
      a: [3, 1, 2],
      b: 1,
      c: { x: 0, y: null },
      n: null,
    });
  });

  it("sorts the arrays at unordered paths only, including arrays of objects", () => {
    const value = { tags: ["b", "a"], keep: ["b", "a"], members: [{ id: "2" }, { id: "1" }] };
    expect(canonicalJson(value, new Set(["tags", "members"]))).toBe(
      '{"keep":["b","a"],"members":[{"id":"1"},{"id":"2"}],"tags":["a","b"]}',
    );
  });

  it("escapes strings exactly as JSON does", () => {
    expect(canonicalJson({ s: 'a"b\\c\n\u2028é' }, new Set())).toBe(
      JSON.stringify({ s: 'a"b\\c\n\u2028é' }),
    );
  });

  it("refuses values JSON cannot carry, naming where they are", () => {
    expect(() => canonicalJson({ a: { b: 1n } }, new Set())).toThrow(NotSerialisableError);
    expect(() => canonicalJson({ a: { b: 1n } }, new Set())).toThrow('"a.b"');
  });
});

describe("canonicalRows", () => {
  it("sorts rows by object id, ordinally rather than by locale", () => {
    const licence = (id: string): RowOf<"licences"> => ({
      id,
      skuId: id,
      friendlyName: id,
      skuPartNumber: id,
      activeUnits: 1,
      consumedUnits: 1,
      warningUnits: 0,
      suspendedUnits: 0,
      lockedOutUnits: 0,
      unusedUnits: 0,
      capabilityStatus: "Enabled",
      appliesTo: "User",
    });
    const text = canonicalRows("licences", [licence("b"), licence("B"), licence("a")]);
    expect((JSON.parse(text) as { id: string }[]).map((row) => row.id)).toEqual(["B", "a", "b"]);
  });
});

describe("CANONICAL_RULES", () => {
  it.each(DATASET_IDS)(
    "classifies every array field of the %s row schema as ordered or unordered",
    (datasetId) => {
      const rules = CANONICAL_RULES[datasetId];
      const classified = new Set([...rules.unordered, ...rules.ordered]);
      const unclassified = arrayPaths(ROW_SCHEMAS[datasetId]).filter(
        (path) => !classified.has(path),
      );
      expect(unclassified).toEqual([]);
    },
  );

  it.each(DATASET_IDS)("lists only paths that exist in the %s row schema", (datasetId) => {
    const rules = CANONICAL_RULES[datasetId];
    const paths = new Set(arrayPaths(ROW_SCHEMAS[datasetId]));
    expect([...rules.unordered, ...rules.ordered].filter((path) => !paths.has(path))).toEqual([]);
  });
});
