import type { Db } from "./schema";

/**
 * Dataset contents, stored once per (dataset, content hash): a re-sync whose users did not change
 * points at the blob the previous snapshot already stored, and costs no new storage.
 */
export interface NewDatasetBlob {
  datasetId: string;
  contentHash: string;
  rowCount: number;
  /** gzip of the rows' JSON. */
  body: Buffer;
}

export async function findExistingBlobHashes(
  db: Db,
  keys: readonly { datasetId: string; contentHash: string }[],
): Promise<Set<string>> {
  if (keys.length === 0) return new Set();
  const rows = await db
    .selectFrom("dataset_blobs")
    .select(["dataset_id", "content_hash"])
    .where((eb) =>
      eb.or(
        keys.map((key) =>
          eb.and([eb("dataset_id", "=", key.datasetId), eb("content_hash", "=", key.contentHash)]),
        ),
      ),
    )
    .execute();
  return new Set(rows.map((row) => blobKey(row.dataset_id, row.content_hash)));
}

export function blobKey(datasetId: string, contentHash: string): string {
  return `${datasetId}:${contentHash}`;
}

/**
 * Inserts blobs that are not stored yet. Sorted so that two concurrent transactions on
 * PostgreSQL always lock keys in the same order and cannot deadlock on each other.
 */
export async function insertBlobsIfAbsent(db: Db, blobs: readonly NewDatasetBlob[]): Promise<void> {
  const sorted = [...blobs].sort((a, b) =>
    blobKey(a.datasetId, a.contentHash).localeCompare(blobKey(b.datasetId, b.contentHash)),
  );
  for (const blob of sorted) {
    await db
      .insertInto("dataset_blobs")
      .values({
        dataset_id: blob.datasetId,
        content_hash: blob.contentHash,
        row_count: blob.rowCount,
        stored_bytes: blob.body.byteLength,
        body: blob.body,
      })
      .onConflict((oc) => oc.columns(["dataset_id", "content_hash"]).doNothing())
      .execute();
  }
}

export async function readBlobBodies(
  db: Db,
  keys: readonly { datasetId: string; contentHash: string }[],
): Promise<Map<string, Buffer>> {
  const result = new Map<string, Buffer>();
  for (const key of keys) {
    const row = await db
      .selectFrom("dataset_blobs")
      .select(["body"])
      .where("dataset_id", "=", key.datasetId)
      .where("content_hash", "=", key.contentHash)
      .executeTakeFirst();
    if (row !== undefined)
      result.set(blobKey(key.datasetId, key.contentHash), Buffer.from(row.body));
  }
  return result;
}

/** Bytes held by dataset contents (what dedup saves shows here). */
export async function totalBlobBytes(db: Db): Promise<number> {
  const row = await db
    .selectFrom("dataset_blobs")
    .select((eb) =>
      eb.fn.coalesce(eb.fn.sum<number | string>("stored_bytes"), eb.lit(0)).as("bytes"),
    )
    .executeTakeFirstOrThrow();
  return Number(row.bytes);
}
