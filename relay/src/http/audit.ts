import type { Context } from "hono";
import { recordAuditEvent } from "../db/audit-events";
import type { Db } from "../db/schema";
import type { AppEnv } from "./app-env";
import { nowIso } from "./clock";

/** Records who changed what, in the caller's transaction so the trail and the change agree. */
export async function audit(
  c: Context<AppEnv>,
  db: Db,
  event: {
    action: string;
    targetType: string;
    targetId: string | null;
    detail?: Record<string, unknown>;
  },
): Promise<void> {
  const principal = c.get("principal");
  const at = nowIso(c);
  await recordAuditEvent(db, {
    at,
    actorTokenId: principal.tokenId,
    actorName: principal.name,
    action: event.action,
    targetType: event.targetType,
    targetId: event.targetId,
    detail: event.detail ?? null,
  });
}
