import { Hono } from "hono";
import type { CloudContext } from "../context";
import { revokeUserGrants } from "../identity/runtime";
import { AdminInputError, readJsonObject } from "./input";

/**
 * `POST /_emulator/refresh-tokens/revoke {userId}`: what Graph's `revokeSignInSessions` does —
 * the user's refresh tokens and browser sessions stop working (AADSTS50173).
 */
export function createRevocationRoutes(ctx: CloudContext): Hono {
  const app = new Hono();
  app.post("/revoke", async (c) => {
    const { userId } = await readJsonObject(c.req.raw);
    if (typeof userId !== "string" || userId === "")
      throw new AdminInputError("`userId` must be a user's object id");
    const known = [...ctx.state.tenants.values()].some((t) => t.collections.users.has(userId));
    if (!known) return c.json({ error: { code: "NotFound", message: `No user ${userId}` } }, 404);
    revokeUserGrants(ctx.identity, userId, ctx.state.clock.now());
    return c.json({ userId, revokedAt: new Date(ctx.state.clock.now()).toISOString() });
  });
  return app;
}
