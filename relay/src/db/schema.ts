/**
 * The relay's one database schema, as Kysely sees it. Every column is portable between SQLite and
 * PostgreSQL: ids and timestamps are text (timestamps are UTC ISO 8601, so they sort as text),
 * counts are integers, blobs are Buffers (SQLite BLOB, PostgreSQL bytea).
 */
import type { Kysely, Transaction } from "kysely";

export interface CompaniesTable {
  id: string;
  name: string;
  /** Lower-cased, trimmed name: company names are unique regardless of case. */
  name_key: string;
  created_at: string;
  updated_at: string;
}

export interface CredentialsTable {
  id: string;
  name: string;
  /** "csp": a partner (GDAP) credential reaching customer tenants; "nonCsp": one tenant's own. */
  kind: "csp" | "nonCsp";
  home_tenant_id: string | null;
  owner: string | null;
  created_at: string;
  updated_at: string;
}

export interface TenantMappingsTable {
  tenant_id: string;
  company_id: string;
  credential_id: string | null;
  created_at: string;
  updated_at: string;
}

export interface SnapshotsTable {
  id: string;
  company_id: string;
  tenant_id: string;
  tenant_display_name: string;
  captured_at: string;
  captured_by: string | null;
  schema_version: number;
  /** sha256 over the snapshot's content (server-computed hashes): same id + other content → 409. */
  fingerprint: string;
  pushed_by_token_id: string | null;
  received_at: string;
}

export interface SnapshotDatasetsTable {
  snapshot_id: string;
  dataset_id: string;
  content_hash: string;
  state: "complete" | "partial" | "unavailable";
  reason_code: string | null;
  detail: string | null;
  collected_at: string;
  row_count: number;
}

export interface DatasetBlobsTable {
  dataset_id: string;
  /** sha256 of the canonical rows (`hashDatasetRows`), recomputed by the relay. */
  content_hash: string;
  row_count: number;
  stored_bytes: number;
  /** gzip of the rows' JSON. */
  body: Buffer;
}

export interface TokensTable {
  id: string;
  name: string;
  role: "admin" | "technician" | "viewer";
  /** sha256 (hex) of the whole secret; the secret itself is never stored. */
  token_hash: string;
  /** The first characters of the secret, so people can tell their tokens apart in a list. */
  display_prefix: string;
  /** JSON array of company ids the token is limited to; null = every company. */
  company_scope: string | null;
  created_at: string;
  expires_at: string | null;
  revoked_at: string | null;
  created_by_token_id: string | null;
}

export interface AuditEventsTable {
  id: string;
  at: string;
  actor_token_id: string | null;
  actor_name: string;
  action: string;
  target_type: string;
  target_id: string | null;
  /** JSON object with what changed (never a secret). */
  detail: string | null;
}

export type PushIntakeState = "queued" | "stored" | "unchanged" | "rejected";

export interface PushIntakeTable {
  snapshot_id: string;
  company_id: string;
  token_id: string;
  actor_name: string;
  received_at: string;
  /** The gzip body as received, when kept in the database; null once processed. */
  body: Buffer | null;
  /** The file holding the body, when kept in a spool folder (SQLite stores); null once processed. */
  body_file: string | null;
  body_bytes: number;
  /** sha256 (hex) of the gzip body: tells a client's retry from a different push of the same id. */
  body_sha256: string;
  state: PushIntakeState;
  /** Claims so far; a body that fails this many times without a verdict is rejected. */
  attempts: number;
  /** The relay instance processing it, and until when that claim holds (crash → reclaimed). */
  lease_owner: string | null;
  lease_until: string | null;
  finished_at: string | null;
  error_status: number | null;
  error_code: string | null;
  error_message: string | null;
}

/** One row: this store's id (migration 0003). */
export interface RelayStoreTable {
  id: string;
  created_at: string;
}

export interface Database {
  companies: CompaniesTable;
  credentials: CredentialsTable;
  tenant_mappings: TenantMappingsTable;
  snapshots: SnapshotsTable;
  snapshot_datasets: SnapshotDatasetsTable;
  dataset_blobs: DatasetBlobsTable;
  tokens: TokensTable;
  audit_events: AuditEventsTable;
  push_intake: PushIntakeTable;
  relay_store: RelayStoreTable;
}

/** Repositories take either the database or an open transaction as their first argument. */
export type Db = Kysely<Database> | Transaction<Database>;
