/**
 * Ordinal string comparison for sorting rows: unlike `localeCompare` it gives the same order on
 * every machine and locale, so equal data always serialises (and hashes) identically.
 */
export function compareOrdinal(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Compares by several keys in turn; null sorts before any string. */
export function compareByKeys(
  a: readonly (string | null)[],
  b: readonly (string | null)[],
): number {
  for (let index = 0; index < a.length; index++) {
    const left = a[index] ?? null;
    const right = b[index] ?? null;
    if (left === right) continue;
    if (left === null) return -1;
    if (right === null) return 1;
    return compareOrdinal(left, right);
  }
  return 0;
}
