import { randomBytes } from "node:crypto";
import type { AuditEventsTable, Db } from "./schema";

let sequence = 0;

/**
 * Audit ids sort in creation order (time, then a per-process sequence), so events recorded in the
 * same millisecond still list in the order they happened; the random tail keeps instances apart.
 */
function newAuditEventId(at: string): string {
  sequence = (sequence + 1) % 0x1_0000_0000;
  const time = Date.parse(at).toString(16).padStart(12, "0");
  return `${time}-${sequence.toString(16).padStart(8, "0")}-${randomBytes(4).toString("hex")}`;
}

/** One entry of the audit trail: who (which token) changed what, and when. */
export interface AuditEvent {
  id: string;
  at: string;
  actorTokenId: string | null;
  actorName: string;
  action: string;
  targetType: string;
  targetId: string | null;
  detail: Record<string, unknown> | null;
}

/** Records an event; its id is made from its time unless given (tests pin ids to check order). */
export async function recordAuditEvent(
  db: Db,
  event: Omit<AuditEvent, "id"> & { id?: string },
): Promise<void> {
  await db
    .insertInto("audit_events")
    .values({
      id: event.id ?? newAuditEventId(event.at),
      at: event.at,
      actor_token_id: event.actorTokenId,
      actor_name: event.actorName,
      action: event.action,
      target_type: event.targetType,
      target_id: event.targetId,
      detail: event.detail === null ? null : JSON.stringify(event.detail),
    })
    .execute();
}

function toEvent(row: AuditEventsTable): AuditEvent {
  return {
    id: row.id,
    at: row.at,
    actorTokenId: row.actor_token_id,
    actorName: row.actor_name,
    action: row.action,
    targetType: row.target_type,
    targetId: row.target_id,
    detail: row.detail === null ? null : (JSON.parse(row.detail) as Record<string, unknown>),
  };
}

/** Newest first, paged by the (at, id) of the last event seen. */
export async function listAuditEvents(
  db: Db,
  page: { limit: number; before?: { at: string; id: string } },
): Promise<AuditEvent[]> {
  let query = db
    .selectFrom("audit_events")
    .selectAll()
    .orderBy("at", "desc")
    .orderBy("id", "desc")
    .limit(page.limit);
  const before = page.before;
  if (before !== undefined) {
    query = query.where((eb) =>
      eb.or([
        eb("at", "<", before.at),
        eb.and([eb("at", "=", before.at), eb("id", "<", before.id)]),
      ]),
    );
  }
  return (await query.execute()).map(toEvent);
}
