import { compareOrdinal } from "../../datasets/compare";
import { NotSerialisableError } from "../errors";

/**
 * TEST ONLY: the original, plainly recursive canonical serialiser, kept verbatim as the reference
 * the optimised `canonicalJson` must match byte for byte (every stored hash was computed by it).
 *
 * Deterministic JSON: object keys in ordinal order, `undefined` members dropped (as JSON does),
 * and the arrays at `unorderedPaths` sorted by their elements' canonical text. Everything else is
 * plain `JSON.stringify`, so the output parses back to the same data.
 *
 * `path` is the dotted location of `value` within the row, arrays being transparent, e.g. the
 * elements of `members` and their fields live at `members` and `members.id`.
 */
export function referenceCanonicalJson(
  value: unknown,
  unorderedPaths: ReadonlySet<string>,
  path = "",
): string {
  switch (typeof value) {
    case "string":
    case "boolean":
      return JSON.stringify(value);
    case "number":
      // JSON has no NaN/Infinity (stringify writes null); -0 is written as 0.
      return JSON.stringify(value);
    case "undefined":
      return "null";
    case "object": {
      if (value === null) return "null";
      if (Array.isArray(value)) {
        const items = value.map((item) => referenceCanonicalJson(item, unorderedPaths, path));
        if (unorderedPaths.has(path)) items.sort(compareOrdinal);
        return `[${items.join(",")}]`;
      }
      const record = value as Record<string, unknown>;
      const members: string[] = [];
      for (const key of Object.keys(record).sort(compareOrdinal)) {
        const member = record[key];
        if (member === undefined) continue;
        const childPath = path === "" ? key : `${path}.${key}`;
        members.push(
          `${JSON.stringify(key)}:${referenceCanonicalJson(member, unorderedPaths, childPath)}`,
        );
      }
      return `{${members.join(",")}}`;
    }
    default:
      throw new NotSerialisableError(path, typeof value);
  }
}
