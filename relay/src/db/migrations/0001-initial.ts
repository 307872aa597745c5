import { type Kysely, PostgresAdapter, sql } from "kysely";

/**
 * The first schema. Frozen: once released, a migration never changes; later changes are new files.
 * Portable: only types both SQLite and PostgreSQL understand, except the one binary column.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  const binary = db.getExecutor().adapter instanceof PostgresAdapter ? sql`bytea` : sql`blob`;

  await db.schema
    .createTable("companies")
    .addColumn("id", "text", (col) => col.primaryKey())
    .addColumn("name", "text", (col) => col.notNull())
    .addColumn("name_key", "text", (col) => col.notNull().unique())
    .addColumn("created_at", "text", (col) => col.notNull())
    .addColumn("updated_at", "text", (col) => col.notNull())
    .execute();

  await db.schema
    .createTable("credentials")
    .addColumn("id", "text", (col) => col.primaryKey())
    .addColumn("name", "text", (col) => col.notNull())
    .addColumn("kind", "text", (col) => col.notNull())
    .addColumn("home_tenant_id", "text")
    .addColumn("owner", "text")
    .addColumn("created_at", "text", (col) => col.notNull())
    .addColumn("updated_at", "text", (col) => col.notNull())
    .execute();

  await db.schema
    .createTable("tenant_mappings")
    .addColumn("tenant_id", "text", (col) => col.primaryKey())
    .addColumn("company_id", "text", (col) =>
      col.notNull().references("companies.id").onDelete("cascade"),
    )
    .addColumn("credential_id", "text", (col) =>
      col.references("credentials.id").onDelete("set null"),
    )
    .addColumn("created_at", "text", (col) => col.notNull())
    .addColumn("updated_at", "text", (col) => col.notNull())
    .execute();
  await db.schema
    .createIndex("tenant_mappings_by_company")
    .on("tenant_mappings")
    .column("company_id")
    .execute();

  await db.schema
    .createTable("dataset_blobs")
    .addColumn("dataset_id", "text", (col) => col.notNull())
    .addColumn("content_hash", "text", (col) => col.notNull())
    .addColumn("row_count", "integer", (col) => col.notNull())
    .addColumn("stored_bytes", "integer", (col) => col.notNull())
    .addColumn("body", binary, (col) => col.notNull())
    .addPrimaryKeyConstraint("dataset_blobs_pk", ["dataset_id", "content_hash"])
    .execute();

  await db.schema
    .createTable("snapshots")
    .addColumn("id", "text", (col) => col.primaryKey())
    .addColumn("company_id", "text", (col) =>
      col.notNull().references("companies.id").onDelete("cascade"),
    )
    .addColumn("tenant_id", "text", (col) => col.notNull())
    .addColumn("tenant_display_name", "text", (col) => col.notNull())
    .addColumn("captured_at", "text", (col) => col.notNull())
    .addColumn("captured_by", "text")
    .addColumn("schema_version", "integer", (col) => col.notNull())
    .addColumn("fingerprint", "text", (col) => col.notNull())
    .addColumn("pushed_by_token_id", "text")
    .addColumn("received_at", "text", (col) => col.notNull())
    .execute();
  await db.schema
    .createIndex("snapshots_by_company_time")
    .on("snapshots")
    .columns(["company_id", "captured_at", "id"])
    .execute();

  await db.schema
    .createTable("snapshot_datasets")
    .addColumn("snapshot_id", "text", (col) =>
      col.notNull().references("snapshots.id").onDelete("cascade"),
    )
    .addColumn("dataset_id", "text", (col) => col.notNull())
    .addColumn("content_hash", "text", (col) => col.notNull())
    .addColumn("state", "text", (col) => col.notNull())
    .addColumn("reason_code", "text")
    .addColumn("detail", "text")
    .addColumn("collected_at", "text", (col) => col.notNull())
    .addColumn("row_count", "integer", (col) => col.notNull())
    .addPrimaryKeyConstraint("snapshot_datasets_pk", ["snapshot_id", "dataset_id"])
    .addForeignKeyConstraint(
      "snapshot_datasets_blob_fk",
      ["dataset_id", "content_hash"],
      "dataset_blobs",
      ["dataset_id", "content_hash"],
    )
    .execute();

  await db.schema
    .createTable("tokens")
    .addColumn("id", "text", (col) => col.primaryKey())
    .addColumn("name", "text", (col) => col.notNull())
    .addColumn("role", "text", (col) => col.notNull())
    .addColumn("token_hash", "text", (col) => col.notNull().unique())
    .addColumn("display_prefix", "text", (col) => col.notNull())
    .addColumn("company_scope", "text")
    .addColumn("created_at", "text", (col) => col.notNull())
    .addColumn("expires_at", "text")
    .addColumn("revoked_at", "text")
    .addColumn("created_by_token_id", "text")
    .execute();

  await db.schema
    .createTable("audit_events")
    .addColumn("id", "text", (col) => col.primaryKey())
    .addColumn("at", "text", (col) => col.notNull())
    .addColumn("actor_token_id", "text")
    .addColumn("actor_name", "text", (col) => col.notNull())
    .addColumn("action", "text", (col) => col.notNull())
    .addColumn("target_type", "text", (col) => col.notNull())
    .addColumn("target_id", "text")
    .addColumn("detail", "text")
    .execute();
  await db.schema
    .createIndex("audit_events_by_time")
    .on("audit_events")
    .columns(["at", "id"])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of [
    "audit_events",
    "tokens",
    "snapshot_datasets",
    "snapshots",
    "dataset_blobs",
    "tenant_mappings",
    "credentials",
    "companies",
  ]) {
    await db.schema.dropTable(table).execute();
  }
}
