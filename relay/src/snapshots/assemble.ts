import { promisify } from "node:util";
import { gunzip } from "node:zlib";
import type { SnapshotEnvelope } from "../../../shared/src/snapshot/envelope";
import { blobKey, readBlobBodies } from "../db/dataset-blobs";
import type { Db } from "../db/schema";
import type { SnapshotDatasetRecord, SnapshotRecord } from "../db/snapshots";

const gunzipAsync = promisify(gunzip);

/** Reads a dataset's rows back from its content-addressed blob. */
export async function readDatasetRows(db: Db, dataset: SnapshotDatasetRecord): Promise<unknown[]> {
  const bodies = await readBlobBodies(db, [dataset]);
  const body = bodies.get(blobKey(dataset.datasetId, dataset.contentHash));
  if (body === undefined) {
    throw new Error(`Blob ${dataset.datasetId}/${dataset.contentHash} is missing from the store`);
  }
  const rows: unknown = JSON.parse((await gunzipAsync(body)).toString("utf8"));
  if (!Array.isArray(rows)) throw new Error(`Blob ${dataset.contentHash} does not hold an array`);
  return rows;
}

/** Rebuilds the envelope as pushed (timestamps normalised to UTC, hashes as recomputed). */
export async function assembleEnvelope(db: Db, record: SnapshotRecord): Promise<SnapshotEnvelope> {
  const datasets: Record<string, unknown> = {};
  for (const dataset of record.datasets) {
    datasets[dataset.datasetId] = {
      status: {
        state: dataset.state,
        ...(dataset.reasonCode !== null && { reasonCode: dataset.reasonCode }),
        ...(dataset.detail !== null && { detail: dataset.detail }),
      },
      collectedAt: dataset.collectedAt,
      contentHash: dataset.contentHash,
      rows: await readDatasetRows(db, dataset),
    };
  }
  const envelope = {
    schemaVersion: record.schemaVersion,
    snapshotId: record.snapshotId,
    tenantId: record.tenantId,
    tenantDisplayName: record.tenantDisplayName,
    companyId: record.companyId,
    capturedAt: record.capturedAt,
    ...(record.capturedBy !== null && { capturedBy: record.capturedBy }),
    datasets,
  };
  // Every stored row passed `snapshotEnvelopeSchema` on push, and blobs are immutable, so the
  // rebuilt object is an envelope; re-validating megabytes on every read would buy nothing.
  return envelope as SnapshotEnvelope;
}

/** The list view of a snapshot: metadata and per-dataset status, no rows. */
export function summarizeSnapshot(record: SnapshotRecord) {
  return {
    snapshotId: record.snapshotId,
    companyId: record.companyId,
    tenantId: record.tenantId,
    tenantDisplayName: record.tenantDisplayName,
    capturedAt: record.capturedAt,
    capturedBy: record.capturedBy,
    receivedAt: record.receivedAt,
    datasets: Object.fromEntries(
      record.datasets.map((d) => [
        d.datasetId,
        {
          state: d.state,
          reasonCode: d.reasonCode,
          rowCount: d.rowCount,
          contentHash: d.contentHash,
          collectedAt: d.collectedAt,
        },
      ]),
    ),
  };
}
