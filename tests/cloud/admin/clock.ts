import { Hono } from "hono";
import type { CloudContext } from "../context";
import { AdminInputError, readJsonObject } from "./input";

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
    if (typeof ms !== "number" || !Number.isFinite(ms) || ms < 0)
      throw new AdminInputError("`ms` must be a non-negative number of milliseconds");
    ctx.state.clock.advance(ms);
    return c.json(now());
  });
  return app;
}
