import { isForeignKeyViolation } from "./errors";
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

/** A blob's stored (gzip) body, or undefined when no blob has that key. */
export async function readBlobBody(
  db: Db,
  key: { datasetId: string; contentHash: string },
): Promise<Buffer | undefined> {
  const row = await db
    .selectFrom("dataset_blobs")
    .select(["body"])
    .where("dataset_id", "=", key.datasetId)
    .where("content_hash", "=", key.contentHash)
    .executeTakeFirst();
  return row === undefined ? undefined : Buffer.from(row.body);
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

/**
 * Deletes blobs no snapshot refers to any more (after companies were deleted). Safe while pushes
 * run: a push that counted on a blob deleted here fails its foreign key and retries with the blob
 * (store-push.ts); a push that references a blob before this commits makes this delete fail
 * (foreign key again), and nothing is lost either way.
 */
export async function deleteUnreferencedBlobs(db: Db): Promise<{ blobs: number; bytes: number }> {
  const orphans = await db
    .selectFrom("dataset_blobs as b")
    .select(["b.dataset_id", "b.content_hash", "b.stored_bytes"])
    .where(({ not, exists, selectFrom }) =>
      not(
        exists(
          selectFrom("snapshot_datasets as d")
            .select("d.snapshot_id")
            .whereRef("d.dataset_id", "=", "b.dataset_id")
            .whereRef("d.content_hash", "=", "b.content_hash"),
        ),
      ),
    )
    .execute();
  let deleted = 0;
  let bytes = 0;
  for (const orphan of orphans) {
    // Re-checked in the delete itself: a push may have started using the blob meanwhile, and if
    // it did so in the very instant, the foreign key refuses the delete and the blob stays.
    const result = await db
      .deleteFrom("dataset_blobs")
      .where("dataset_id", "=", orphan.dataset_id)
      .where("content_hash", "=", orphan.content_hash)
      .where(({ not, exists, selectFrom }) =>
        not(
          exists(
            selectFrom("snapshot_datasets")
              .select("snapshot_id")
              .where("dataset_id", "=", orphan.dataset_id)
              .where("content_hash", "=", orphan.content_hash),
          ),
        ),
      )
      .executeTakeFirst()
      .catch((error: unknown) => {
        if (isForeignKeyViolation(error)) return { numDeletedRows: 0n };
        throw error;
      });
    if (result.numDeletedRows > 0n) {
      deleted += 1;
      bytes += orphan.stored_bytes;
    }
  }
  return { blobs: deleted, bytes };
}
