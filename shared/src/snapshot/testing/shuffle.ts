/** Deterministic Fisher–Yates shuffle driven by a seed (mulberry32), for order-independence tests. */
export function seededShuffle<T>(items: readonly T[], seed: number): T[] {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const copy = [...items];
  for (let index = copy.length - 1; index > 0; index--) {
    const other = Math.floor(next() * (index + 1));
    const held = copy[index] as T;
    copy[index] = copy[other] as T;
    copy[other] = held;
  }
  return copy;
}

/**
 * A deep copy of `value` with every array found at one of `paths` (dotted, arrays transparent)
 * shuffled, and object keys re-inserted in reverse order: the same data, presented differently.
 */
export function reshuffle(
  value: unknown,
  paths: ReadonlySet<string>,
  seed: number,
  path = "",
): unknown {
  if (Array.isArray(value)) {
    const items = value.map((item, index) => reshuffle(item, paths, seed + index + 1, path));
    return paths.has(path) ? seededShuffle(items, seed) : items;
  }
  if (typeof value === "object" && value !== null) {
    const entries = Object.entries(value).reverse();
    return Object.fromEntries(
      entries.map(([key, member]) => [
        key,
        reshuffle(member, paths, seed + key.length, path === "" ? key : `${path}.${key}`),
      ]),
    );
  }
  return value;
}
