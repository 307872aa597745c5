import { randomUUID } from "node:crypto";
import type { Kysely } from "kysely";

/**
 * One row naming this store. A spool folder records the store it belongs to
 * (relay/src/intake/intake-bodies.ts), so two relays on different databases never share one and
 * sweep each other's queued bodies.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable("relay_store")
    .addColumn("id", "text", (col) => col.primaryKey())
    .addColumn("created_at", "text", (col) => col.notNull())
    .execute();
  await (db as Kysely<{ relay_store: { id: string; created_at: string } }>)
    .insertInto("relay_store")
    .values({ id: randomUUID(), created_at: new Date().toISOString() })
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable("relay_store").execute();
}
