/**
 * "N requests per W seconds" as a sliding log of admitted request times on the emulator clock:
 * a request is admitted while fewer than N were admitted in the last W seconds.
 */
export interface SlidingWindow {
  limit: number;
  windowMs: number;
  /** Admission times, oldest first. */
  admitted: number[];
}

export function createSlidingWindow(limit: number, windowMs: number): SlidingWindow {
  return { limit, windowMs, admitted: [] };
}

export type WindowDecision = { ok: true } | { ok: false; retryAfterMs: number };

export function admitToWindow(window: SlidingWindow, nowMs: number): WindowDecision {
  const horizon = nowMs - window.windowMs;
  let expired = 0;
  while (expired < window.admitted.length && (window.admitted[expired] ?? 0) <= horizon) expired++;
  if (expired > 0) window.admitted.splice(0, expired);
  if (window.admitted.length < window.limit) {
    window.admitted.push(nowMs);
    return { ok: true };
  }
  const oldest = window.admitted[0] ?? nowMs;
  return { ok: false, retryAfterMs: Math.max(1, oldest + window.windowMs - nowMs) };
}
