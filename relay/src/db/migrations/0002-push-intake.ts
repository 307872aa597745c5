import { type Kysely, PostgresAdapter, sql } from "kysely";

/**
 * Asynchronous pushes (`Prefer: respond-async`): the gzip body is written here and acknowledged
 * with 202 before it is parsed, validated and stored (docs/decisions/relay-async-push.md). A row
 * outlives its body: once processed the body is dropped and the outcome kept for the status
 * resource until it is pruned.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  const binary = db.getExecutor().adapter instanceof PostgresAdapter ? sql`bytea` : sql`blob`;

  await db.schema
    .createTable("push_intake")
    .addColumn("snapshot_id", "text", (col) => col.primaryKey())
    .addColumn("company_id", "text", (col) =>
      col.notNull().references("companies.id").onDelete("cascade"),
    )
    .addColumn("token_id", "text", (col) => col.notNull())
    .addColumn("actor_name", "text", (col) => col.notNull())
    .addColumn("received_at", "text", (col) => col.notNull())
    .addColumn("body", binary)
    .addColumn("body_bytes", "integer", (col) => col.notNull())
    .addColumn("body_sha256", "text", (col) => col.notNull())
    .addColumn("state", "text", (col) => col.notNull())
    .addColumn("attempts", "integer", (col) => col.notNull().defaultTo(0))
    .addColumn("lease_owner", "text")
    .addColumn("lease_until", "text")
    .addColumn("finished_at", "text")
    .addColumn("error_status", "integer")
    .addColumn("error_code", "text")
    .addColumn("error_message", "text")
    .execute();
  await db.schema
    .createIndex("push_intake_by_state")
    .on("push_intake")
    .columns(["state", "received_at"])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable("push_intake").execute();
}
