import { Hono } from "hono";
import type { CloudContext } from "../context";
import { AdminInputError, readJsonObject } from "./input";

/** Far enough for every lifetime the emulator knows (90 days), small enough for `Date`. */
const MAX_ADVANCE_MS = 10 * 365 * 24 * 60 * 60 * 1000;

/** The emulator clock: tests move it forward to expire tokens without waiting. */
export function createClockRoutes(ctx: CloudContext): Hono {
  const app = new Hono();
  const now = () => {
    const nowMs = ctx.state.clock.now();
    return { nowMs, now: new Date(nowMs).toISOString() };
  };
  app.get("/", (c) => c.json(now()));
  app.post("/advance", async (c) => {
    const { ms } = await readJsonObject(c.req.raw);
    if (typeof ms !== "number" || !Number.isFinite(ms) || ms < 0 || ms > MAX_ADVANCE_MS)
      throw new AdminInputError("`ms` must be a number of milliseconds from 0 to 10 years");
    ctx.state.clock.advance(ms);
    return c.json(now());
  });
  return app;
}
