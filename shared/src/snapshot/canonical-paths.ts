import { compareOrdinal } from "../datasets/compare";

/** How many distinct keys or object shapes one location remembers; beyond that it recomputes. */
const MAX_REMEMBERED = 64;

/**
 * One object shape (the keys `Object.keys` listed, in that order) as the canonical writer needs
 * it: the keys in ordinal order, each with its `"key":` text (JSON-escaped once, not per object)
 * and the location of its value. Rows of one dataset share a handful of shapes, so sorting and
 * escaping keys happens a few times per dataset instead of once per object.
 */
export interface ObjectShape {
  readonly keys: readonly string[];
  readonly members: readonly ShapeMember[];
}

export interface ShapeMember {
  readonly key: string;
  /** `"key":`, for the first member written. */
  readonly first: string;
  /** `,"key":`, for every later one. */
  readonly next: string;
  readonly location: CanonicalLocation;
}

/**
 * A place in a row, named by its dotted path (arrays transparent), exactly as `CANONICAL_RULES`
 * names places: `location.child("mfa").child("methods").path === "mfa.methods"`. Children are
 * built on first use and remembered, so the hot loop never concatenates or looks up path strings.
 * A key containing a dot gives the same path string as nesting would, as the rules have always
 * read it.
 */
export class CanonicalLocation {
  /** Whether the array found here is sorted before it is written. */
  readonly unordered: boolean;
  private readonly children = new Map<string, CanonicalLocation>();
  private readonly shapes: ObjectShape[] = [];

  constructor(
    readonly path: string,
    private readonly unorderedPaths: ReadonlySet<string>,
  ) {
    this.unordered = unorderedPaths.has(path);
  }

  child(key: string): CanonicalLocation {
    const known = this.children.get(key);
    if (known !== undefined) return known;
    const child = new CanonicalLocation(
      this.path === "" ? key : `${this.path}.${key}`,
      this.unorderedPaths,
    );
    if (this.children.size < MAX_REMEMBERED) this.children.set(key, child);
    return child;
  }

  /** The shape of an object found here with these own enumerable keys (in `Object.keys` order). */
  shapeOf(keys: readonly string[]): ObjectShape {
    for (const shape of this.shapes) {
      if (sameKeys(shape.keys, keys)) return shape;
    }
    const members = [...keys].sort(compareOrdinal).map((key): ShapeMember => {
      const first = `${JSON.stringify(key)}:`;
      return { key, first, next: `,${first}`, location: this.child(key) };
    });
    const shape = { keys, members };
    // A record keyed by data (not by schema) would add a shape per object: stop remembering.
    if (this.shapes.length < MAX_REMEMBERED) this.shapes.push(shape);
    return shape;
  }
}

function sameKeys(known: readonly string[], keys: readonly string[]): boolean {
  if (known.length !== keys.length) return false;
  for (let index = 0; index < keys.length; index++) {
    if (known[index] !== keys[index]) return false;
  }
  return true;
}
