import { promisify } from "node:util";
import { gunzip } from "node:zlib";
import type { SnapshotEnvelope } from "../../../shared/src/snapshot/envelope";
import { readBlobBody } from "../db/dataset-blobs";
import type { Db } from "../db/schema";
import type { SnapshotDatasetRecord, SnapshotRecord } from "../db/snapshots";

const gunzipAsync = promisify(gunzip);

/** A dataset's rows as stored: the JSON text of the array, inflated from its blob. */
export async function readDatasetRowsJson(db: Db, dataset: SnapshotDatasetRecord): Promise<string> {
  const body = await readBlobBody(db, dataset);
  if (body === undefined) {
    throw new Error(`Blob ${dataset.datasetId}/${dataset.contentHash} is missing from the store`);
  }
  return (await gunzipAsync(body)).toString("utf8");
}

/** Reads a dataset's rows back from its content-addressed blob. */
export async function readDatasetRows(db: Db, dataset: SnapshotDatasetRecord): Promise<unknown[]> {
  const rows: unknown = JSON.parse(await readDatasetRowsJson(db, dataset));
  if (!Array.isArray(rows)) throw new Error(`Blob ${dataset.contentHash} does not hold an array`);
  return rows;
}

function statusOf(dataset: SnapshotDatasetRecord) {
  return {
    state: dataset.state,
    ...(dataset.reasonCode !== null && { reasonCode: dataset.reasonCode }),
    ...(dataset.detail !== null && { detail: dataset.detail }),
  };
}

function headerOf(record: SnapshotRecord) {
  return {
    schemaVersion: record.schemaVersion,
    snapshotId: record.snapshotId,
    tenantId: record.tenantId,
    tenantDisplayName: record.tenantDisplayName,
    companyId: record.companyId,
    capturedAt: record.capturedAt,
    ...(record.capturedBy !== null && { capturedBy: record.capturedBy }),
  };
}

/**
 * The envelope as JSON text, spliced from the stored rows' JSON without parsing and
 * re-serialising megabytes of rows: reading "latest" is the most frequent heavy request.
 * Same content and key order as `JSON.stringify(await assembleEnvelope(...))`.
 */
export async function assembleEnvelopeJson(db: Db, record: SnapshotRecord): Promise<string> {
  const header = JSON.stringify(headerOf(record));
  const datasets: string[] = [];
  for (const dataset of record.datasets) {
    const meta = JSON.stringify({
      status: statusOf(dataset),
      collectedAt: dataset.collectedAt,
      contentHash: dataset.contentHash,
    });
    const rows = await readDatasetRowsJson(db, dataset);
    datasets.push(`${JSON.stringify(dataset.datasetId)}:${meta.slice(0, -1)},"rows":${rows}}`);
  }
  return `${header.slice(0, -1)},"datasets":{${datasets.join(",")}}}`;
}

/** Rebuilds the envelope as pushed (timestamps normalised to UTC, hashes as recomputed). */
export async function assembleEnvelope(db: Db, record: SnapshotRecord): Promise<SnapshotEnvelope> {
  const datasets: Record<string, unknown> = {};
  for (const dataset of record.datasets) {
    datasets[dataset.datasetId] = {
      status: statusOf(dataset),
      collectedAt: dataset.collectedAt,
      contentHash: dataset.contentHash,
      rows: await readDatasetRows(db, dataset),
    };
  }
  const envelope = { ...headerOf(record), datasets };
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
