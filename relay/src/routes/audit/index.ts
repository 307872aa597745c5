import { Hono } from "hono";
import { assertUnscoped, requirePermission } from "../../auth/require";
import { listAuditEvents } from "../../db/audit-events";
import type { AppEnv } from "../../http/app-env";
import { decodeCursor, nextPageCursor, pageLimit } from "../../http/params";

/**
 * The audit trail, newest first, paged with an opaque cursor. Admins only, and not admins limited
 * to some companies: the trail records every company's changes.
 */
export const auditRoutes = new Hono<AppEnv>().get(
  "/",
  requirePermission("audit:read"),
  async (c) => {
    assertUnscoped(
      c,
      "The audit trail records every company's changes: a company-scoped token cannot read it",
    );
    const limit = pageLimit(c, 100, 500);
    const before = decodeCursor(c.req.query("cursor"), ["at", "id"] as const);
    const events = await listAuditEvents(c.get("deps").database.db, {
      limit,
      ...(before !== undefined && { before }),
    });
    const nextCursor = nextPageCursor(events, limit, (last) => ({ at: last.at, id: last.id }));
    return c.json({ events, nextCursor });
  },
);
