import { compareOrdinal } from "../datasets/compare";
import { CanonicalLocation } from "./canonical-paths";
import { NotSerialisableError } from "./errors";

/**
 * Deterministic JSON: object keys in ordinal order, `undefined` members dropped (as JSON does),
 * and the arrays at `unorderedPaths` sorted by their elements' canonical text. Everything else is
 * plain `JSON.stringify`, so the output parses back to the same data.
 *
 * `path` is the dotted location of `value` within the row, arrays being transparent, e.g. the
 * elements of `members` and their fields live at `members` and `members.id`.
 *
 * Stored content hashes depend on this text byte for byte (hash-pinned.test.ts): it may get
 * faster, never different.
 */
export function canonicalJson(
  value: unknown,
  unorderedPaths: ReadonlySet<string>,
  path = "",
): string {
  // A fresh location tree: the caller's set may change between calls.
  return writeCanonical(value, new CanonicalLocation(path, unorderedPaths));
}

/** `canonicalJson` of `value` found at `location` (whose tree may be reused across calls). */
export function writeCanonical(value: unknown, location: CanonicalLocation): string {
  const parts: string[] = [];
  writeParts(value, location, parts);
  // One join per value: concatenating piece by piece builds a rope of thousands of small
  // strings per row, and collecting them was a third of the time.
  return parts.join("");
}

function writeParts(value: unknown, location: CanonicalLocation, parts: string[]): void {
  switch (typeof value) {
    case "string":
    case "number":
      // JSON has no NaN/Infinity (stringify writes null); -0 is written as 0.
      parts.push(JSON.stringify(value));
      return;
    case "boolean":
      parts.push(value ? "true" : "false");
      return;
    case "undefined":
      parts.push("null");
      return;
    case "object":
      if (value === null) parts.push("null");
      else if (Array.isArray(value)) writeArray(value, location, parts);
      else writeObject(value as Record<string, unknown>, location, parts);
      return;
    default:
      throw new NotSerialisableError(location.path, typeof value);
  }
}

function writeArray(items: readonly unknown[], location: CanonicalLocation, parts: string[]): void {
  if (location.unordered) {
    // Sorted by each element's own text; `map`, `sort` and `join` as always, holes included.
    const texts = items.map((item) =>
      typeof item === "string" ? JSON.stringify(item) : writeCanonical(item, location),
    );
    if (texts.length > 1) texts.sort(compareOrdinal);
    parts.push(`[${texts.join(",")}]`);
    return;
  }
  parts.push("[");
  for (let index = 0; index < items.length; index++) {
    if (index > 0) parts.push(",");
    const item = items[index];
    // A hole in a sparse array (never produced by JSON or zod) has always been written as
    // nothing, the way `join` writes it; an undefined element as null.
    if (item !== undefined || index in items) writeParts(item, location, parts);
  }
  parts.push("]");
}

function writeObject(
  record: Record<string, unknown>,
  location: CanonicalLocation,
  parts: string[],
): void {
  parts.push("{");
  let written = false;
  for (const member of location.shapeOf(Object.keys(record)).members) {
    const value = record[member.key];
    if (value === undefined) continue;
    parts.push(written ? member.next : member.first);
    // Strings are most members: skip the dispatch for them.
    if (typeof value === "string") parts.push(JSON.stringify(value));
    else writeParts(value, member.location, parts);
    written = true;
  }
  parts.push("}");
}
