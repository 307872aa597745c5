import type { Db, SnapshotDatasetsTable, SnapshotsTable } from "./schema";

export interface SnapshotDatasetRecord {
  datasetId: string;
  contentHash: string;
  state: SnapshotDatasetsTable["state"];
  reasonCode: string | null;
  detail: string | null;
  collectedAt: string;
  rowCount: number;
}

export interface SnapshotRecord {
  snapshotId: string;
  companyId: string;
  tenantId: string;
  tenantDisplayName: string;
  capturedAt: string;
  capturedBy: string | null;
  schemaVersion: number;
  fingerprint: string;
  pushedByTokenId: string | null;
  receivedAt: string;
  datasets: SnapshotDatasetRecord[];
}

export type SnapshotHeader = Omit<SnapshotRecord, "datasets">;

function toHeader(row: SnapshotsTable): SnapshotHeader {
  return {
    snapshotId: row.id,
    companyId: row.company_id,
    tenantId: row.tenant_id,
    tenantDisplayName: row.tenant_display_name,
    capturedAt: row.captured_at,
    capturedBy: row.captured_by,
    schemaVersion: row.schema_version,
    fingerprint: row.fingerprint,
    pushedByTokenId: row.pushed_by_token_id,
    receivedAt: row.received_at,
  };
}

function toDataset(row: SnapshotDatasetsTable): SnapshotDatasetRecord {
  return {
    datasetId: row.dataset_id,
    contentHash: row.content_hash,
    state: row.state,
    reasonCode: row.reason_code,
    detail: row.detail,
    collectedAt: row.collected_at,
    rowCount: row.row_count,
  };
}

/**
 * Inserts the snapshot header unless its id exists. Returns false when another push (maybe a
 * racing one on another instance) already stored that id: the caller compares fingerprints.
 */
export async function insertSnapshotIfAbsent(db: Db, snapshot: SnapshotRecord): Promise<boolean> {
  const result = await db
    .insertInto("snapshots")
    .values({
      id: snapshot.snapshotId,
      company_id: snapshot.companyId,
      tenant_id: snapshot.tenantId,
      tenant_display_name: snapshot.tenantDisplayName,
      captured_at: snapshot.capturedAt,
      captured_by: snapshot.capturedBy,
      schema_version: snapshot.schemaVersion,
      fingerprint: snapshot.fingerprint,
      pushed_by_token_id: snapshot.pushedByTokenId,
      received_at: snapshot.receivedAt,
    })
    .onConflict((oc) => oc.column("id").doNothing())
    .executeTakeFirst();
  if ((result.numInsertedOrUpdatedRows ?? 0n) === 0n) return false;
  if (snapshot.datasets.length > 0) {
    await db
      .insertInto("snapshot_datasets")
      .values(
        snapshot.datasets.map((dataset) => ({
          snapshot_id: snapshot.snapshotId,
          dataset_id: dataset.datasetId,
          content_hash: dataset.contentHash,
          state: dataset.state,
          reason_code: dataset.reasonCode,
          detail: dataset.detail,
          collected_at: dataset.collectedAt,
          row_count: dataset.rowCount,
        })),
      )
      .execute();
  }
  return true;
}

/** A snapshot header by id, whatever its company (to tell "exists elsewhere" from "absent"). */
export async function getSnapshotHeader(
  db: Db,
  snapshotId: string,
): Promise<SnapshotHeader | undefined> {
  const row = await db
    .selectFrom("snapshots")
    .selectAll()
    .where("id", "=", snapshotId)
    .executeTakeFirst();
  return row === undefined ? undefined : toHeader(row);
}

async function withDatasets(db: Db, headers: SnapshotHeader[]): Promise<SnapshotRecord[]> {
  if (headers.length === 0) return [];
  const rows = await db
    .selectFrom("snapshot_datasets")
    .selectAll()
    .where(
      "snapshot_id",
      "in",
      headers.map((header) => header.snapshotId),
    )
    .orderBy("dataset_id")
    .execute();
  return headers.map((header) => ({
    ...header,
    datasets: rows.filter((row) => row.snapshot_id === header.snapshotId).map(toDataset),
  }));
}

export async function getSnapshot(
  db: Db,
  companyId: string,
  snapshotId: string,
): Promise<SnapshotRecord | undefined> {
  const row = await db
    .selectFrom("snapshots")
    .selectAll()
    .where("id", "=", snapshotId)
    .where("company_id", "=", companyId)
    .executeTakeFirst();
  if (row === undefined) return undefined;
  const [record] = await withDatasets(db, [toHeader(row)]);
  return record;
}

export interface SnapshotCursor {
  capturedAt: string;
  snapshotId: string;
}

/** A company's snapshots, newest capture first, paged by the last (capturedAt, id) seen. */
export async function listSnapshots(
  db: Db,
  companyId: string,
  page: { limit: number; before?: SnapshotCursor },
): Promise<SnapshotRecord[]> {
  let query = db
    .selectFrom("snapshots")
    .selectAll()
    .where("company_id", "=", companyId)
    .orderBy("captured_at", "desc")
    .orderBy("id", "desc")
    .limit(page.limit);
  const before = page.before;
  if (before !== undefined) {
    query = query.where((eb) =>
      eb.or([
        eb("captured_at", "<", before.capturedAt),
        eb.and([eb("captured_at", "=", before.capturedAt), eb("id", "<", before.snapshotId)]),
      ]),
    );
  }
  return withDatasets(db, (await query.execute()).map(toHeader));
}

export async function getLatestSnapshot(
  db: Db,
  companyId: string,
): Promise<SnapshotRecord | undefined> {
  const [latest] = await listSnapshots(db, companyId, { limit: 1 });
  return latest;
}

export async function countSnapshots(db: Db): Promise<number> {
  const row = await db
    .selectFrom("snapshots")
    .select((eb) => eb.fn.countAll<number | string>().as("count"))
    .executeTakeFirstOrThrow();
  return Number(row.count);
}
