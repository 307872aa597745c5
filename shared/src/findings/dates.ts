const DAY_MS = 86_400_000;

/** Whole days from `then` to `now`; null when `then` is not a parseable date. */
export function daysSince(then: string, now: Date): number | null {
  const ms = Date.parse(then);
  if (Number.isNaN(ms)) return null;
  return Math.floor((now.getTime() - ms) / DAY_MS);
}

export function isWithinDays(then: string, now: Date, days: number): boolean {
  const age = daysSince(then, now);
  return age !== null && age >= 0 && age < days;
}

/** `2026-11-26T10:00:00Z` → `2026-11-26`, for evidence that reads well. */
export function dayOf(isoDateTime: string): string {
  return isoDateTime.slice(0, 10);
}
