import { createMiddleware } from "hono/factory";
import type { AppEnv } from "./app-env";
import { RelayHttpError } from "./errors";

const WINDOW_MS = 60_000;

/**
 * A fixed one-minute window per token. The counters live in this instance's memory on purpose:
 * they protect this process, lose nothing that matters when it restarts, and N instances allow
 * at most N times the limit (documented in docs/decisions/relay-limits.md).
 */
export function rateLimitPerToken(limitPerMinute: number, clock: () => number = Date.now) {
  const windows = new Map<string, { startedAt: number; count: number }>();
  let lastSweep = clock();

  return createMiddleware<AppEnv>(async (c, next) => {
    const now = clock();
    if (now - lastSweep > WINDOW_MS) {
      for (const [key, window] of windows) {
        if (now - window.startedAt >= WINDOW_MS) windows.delete(key);
      }
      lastSweep = now;
    }
    const key = c.get("principal").tokenId;
    let window = windows.get(key);
    if (window === undefined || now - window.startedAt >= WINDOW_MS) {
      window = { startedAt: now, count: 0 };
      windows.set(key, window);
    }
    window.count += 1;
    if (window.count > limitPerMinute) {
      const retryAfterSeconds = Math.max(1, Math.ceil((window.startedAt + WINDOW_MS - now) / 1000));
      throw new RelayHttpError(
        429,
        "rate_limited",
        `Too many requests for this token (limit ${limitPerMinute} per minute); retry in ${retryAfterSeconds} s`,
        { headers: { "Retry-After": String(retryAfterSeconds) } },
      );
    }
    await next();
  });
}
