import { type Kysely, PostgresAdapter, sql } from "kysely";

/**
 * Asynchronous pushes (`Prefer: respond-async`): the gzip body is written here and acknowledged
 * with 202 before it is parsed, validated and stored (docs/decisions/relay-async-push.md). A row
 * outlives its body: once processed the body is dropped and the outcome kept for the status
 * resource until it is pruned.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  const isPostgres = db.getExecutor().adapter instanceof PostgresAdapter;
  const binary = isPostgres ? sql`bytea` : sql`blob`;

  await db.schema
    .createTable("push_intake")
    .addColumn("snapshot_id", "text", (col) => col.primaryKey())
    .addColumn("company_id", "text", (col) =>
      col.notNull().references("companies.id").onDelete("cascade"),
    )
    .addColumn("token_id", "text", (col) => col.notNull())
    .addColumn("actor_name", "text", (col) => col.notNull())
    .addColumn("received_at", "text", (col) => col.notNull())
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
    // A SQLite store keeps bodies as files (relay/src/intake/intake-bodies.ts): which one.
    .addColumn("body_file", "text")
    // Last on purpose: SQLite keeps a row's columns in order, and a column after a large blob is
    // reached only by walking the blob's overflow pages; every query but the claim skips it.
    .addColumn("body", binary)
    .execute();
  if (isPostgres) {
    // The body is gzip already: PostgreSQL's own TOAST compression would only spend CPU trying.
    await sql`alter table push_intake alter column body set storage external`.execute(db);
  }
  await db.schema
    .createIndex("push_intake_by_state")
    .on("push_intake")
    .columns(["state", "received_at"])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable("push_intake").execute();
}
