import { promisify } from "node:util";
import { gzip } from "node:zlib";
import type { Kysely, Transaction } from "kysely";
import { recordAuditEvent } from "../db/audit-events";
import { blobKey, findExistingBlobHashes, insertBlobsIfAbsent } from "../db/dataset-blobs";
import { isForeignKeyViolation } from "../db/errors";
import type { Database } from "../db/schema";
import { getSnapshotHeader, insertSnapshotIfAbsent, type SnapshotHeader } from "../db/snapshots";
import type { ReadyPush } from "./prepare-from-json";

const gzipAsync = promisify(gzip);

export type PushOutcome =
  | { kind: "created" }
  | { kind: "unchanged" }
  | { kind: "conflict"; message: string };

export interface StorePushOptions {
  actor: { tokenId: string; name: string };
  /** TEST ONLY: pause inside the transaction (after writing, before commit); see env.ts. */
  pauseInsideTransactionMs: number | null;
  onPausedInsideTransaction?: () => void;
  /**
   * Runs inside the storing transaction once its outcome is known there, so that what it writes
   * (an asynchronous push's verdict) commits together with the snapshot, or not at all.
   */
  inTransaction?: (trx: Transaction<Database>, outcome: PushOutcome) => Promise<void>;
  /** Which blobs are stored already; injectable to test the race with garbage collection. */
  findExistingBlobs?: typeof findExistingBlobHashes;
}

/**
 * Stores a pushed snapshot atomically: dataset blobs (only those not stored yet), the header and
 * its dataset list, and the audit event commit together or not at all, so no reader ever sees a
 * partial snapshot. The id's primary key settles races: of two identical pushes racing on two
 * instances, one inserts and the other finds an identical row and reports "unchanged".
 */
export async function storePushedSnapshot(
  db: Kysely<Database>,
  snapshot: ReadyPush,
  options: StorePushOptions,
): Promise<PushOutcome> {
  const already = await getSnapshotHeader(db, snapshot.snapshotId);
  if (already !== undefined) return compare(already, snapshot);

  // Compress only what is new: an unchanged dataset costs neither CPU nor storage.
  const existing = await (options.findExistingBlobs ?? findExistingBlobHashes)(
    db,
    snapshot.datasets,
  );
  try {
    return await storeInTransaction(db, snapshot, options, existing);
  } catch (error) {
    // A blob seen as stored was deleted since by `relay gc` (it was unreferenced then): the
    // foreign key refused the dangling reference and rolled everything back. Once more, with
    // every blob included.
    if (!isForeignKeyViolation(error)) throw error;
    return storeInTransaction(db, snapshot, options, new Set());
  }
}

async function storeInTransaction(
  db: Kysely<Database>,
  snapshot: ReadyPush,
  options: StorePushOptions,
  existing: ReadonlySet<string>,
): Promise<PushOutcome> {
  const newBlobs = await Promise.all(
    snapshot.datasets
      .filter((dataset) => !existing.has(blobKey(dataset.datasetId, dataset.contentHash)))
      .map(async (dataset) => ({
        datasetId: dataset.datasetId,
        contentHash: dataset.contentHash,
        rowCount: dataset.rowCount,
        body: await gzipAsync(dataset.rowsJson),
      })),
  );

  return db.transaction().execute(async (trx) => {
    await insertBlobsIfAbsent(trx, newBlobs);
    const { datasets, ...header } = snapshot;
    const inserted = await insertSnapshotIfAbsent(trx, {
      ...header,
      datasets: datasets.map(({ rowsJson: _rowsJson, ...record }) => record),
    });
    if (!inserted) {
      const winner = await getSnapshotHeader(trx, snapshot.snapshotId);
      if (winner === undefined) throw new Error("Snapshot conflicted on insert but cannot be read");
      const outcome = compare(winner, snapshot);
      await options.inTransaction?.(trx, outcome);
      return outcome;
    }
    await recordAuditEvent(trx, {
      at: snapshot.receivedAt,
      actorTokenId: options.actor.tokenId,
      actorName: options.actor.name,
      action: "snapshot.push",
      targetType: "snapshot",
      targetId: snapshot.snapshotId,
      detail: {
        companyId: snapshot.companyId,
        tenantId: snapshot.tenantId,
        newBlobs: newBlobs.length,
      },
    });
    const created = { kind: "created" } as const;
    await options.inTransaction?.(trx, created);
    if (options.pauseInsideTransactionMs !== null) {
      options.onPausedInsideTransaction?.();
      await new Promise((resolve) => setTimeout(resolve, options.pauseInsideTransactionMs ?? 0));
    }
    return created;
  });
}

function compare(stored: SnapshotHeader, pushed: ReadyPush): PushOutcome {
  if (stored.companyId !== pushed.companyId) {
    return { kind: "conflict", message: "This snapshot id is already used by another company" };
  }
  if (stored.fingerprint !== pushed.fingerprint) {
    return {
      kind: "conflict",
      message: "A different snapshot with this id is already stored; snapshots are immutable",
    };
  }
  return { kind: "unchanged" };
}
