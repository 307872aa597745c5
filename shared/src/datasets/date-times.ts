/** The later of two Graph date-times (ISO 8601), either of which may be missing. */
export function latestDateTime(
  a: string | null | undefined,
  b: string | null | undefined,
): string | null {
  if (!a) return b ?? null;
  if (!b) return a;
  return Date.parse(b) > Date.parse(a) ? b : a;
}
