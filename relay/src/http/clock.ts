import type { Context } from "hono";
import type { AppEnv } from "./app-env";

/** The current time from the app's injectable clock (tests pin it), else the system's. */
export function currentTime(c: Context<AppEnv>): Date {
  return (c.get("deps").now ?? (() => new Date()))();
}

/** The current time as the relay stores it (UTC ISO 8601). */
export function nowIso(c: Context<AppEnv>): string {
  return currentTime(c).toISOString();
}
