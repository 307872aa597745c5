import { promisify } from "node:util";
import { gunzip } from "node:zlib";
import type { SnapshotEnvelope } from "../../../shared/src/snapshot/envelope";
import { readBlobBody } from "../db/dataset-blobs";
import type { Db } from "../db/schema";
import type { SnapshotDatasetRecord, SnapshotRecord } from "../db/snapshots";

const gunzipAsync = promisify(gunzip);

/**
 * zlib's output chunk for inflating a blob: the inflated size the gzip trailer records (ISIZE,
 * RFC 1952 §2.3.1), within bounds. With Node's default 16 KiB chunks, inflating a 5,000-user
 * blob made ~200 round trips to the thread pool and a concatenation, which cost about as much
 * again as the inflating itself.
 */
function inflateChunkSize(body: Buffer): number {
  const recorded = body.byteLength >= 18 ? body.readUInt32LE(body.byteLength - 4) : 0;
  return Math.min(Math.max(recorded, 1024), 8 * 1024 * 1024);
}

/** A dataset's rows as stored: the UTF-8 JSON of the array, inflated from its blob. */
export async function readDatasetRowsBytes(
  db: Db,
  dataset: SnapshotDatasetRecord,
): Promise<Buffer> {
  const body = await readBlobBody(db, dataset);
  if (body === undefined) {
    throw new Error(`Blob ${dataset.datasetId}/${dataset.contentHash} is missing from the store`);
  }
  return gunzipAsync(body, { chunkSize: inflateChunkSize(body) });
}

/** A dataset's rows as stored: the JSON text of the array, inflated from its blob. */
export async function readDatasetRowsJson(db: Db, dataset: SnapshotDatasetRecord): Promise<string> {
  return (await readDatasetRowsBytes(db, dataset)).toString("utf8");
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
 * The envelope as UTF-8 JSON in pieces, spliced from the stored rows' JSON without parsing and
 * re-serialising megabytes of rows: reading "latest" is the most frequent heavy request. The
 * rows stay bytes as inflated (decoding 4 MB to a string and encoding it back cost ~10 ms of
 * event loop per read); joined, the pieces are the same text, key for key, as
 * `JSON.stringify(await assembleEnvelope(...))`.
 */
export async function assembleEnvelopeParts(db: Db, record: SnapshotRecord): Promise<Buffer[]> {
  const header = JSON.stringify(headerOf(record));
  const parts: Buffer[] = [Buffer.from(`${header.slice(0, -1)},"datasets":{`)];
  for (const [index, dataset] of record.datasets.entries()) {
    const meta = JSON.stringify({
      status: statusOf(dataset),
      collectedAt: dataset.collectedAt,
      contentHash: dataset.contentHash,
    });
    const separator = index === 0 ? "" : ",";
    parts.push(
      Buffer.from(`${separator}${JSON.stringify(dataset.datasetId)}:${meta.slice(0, -1)},"rows":`),
      await readDatasetRowsBytes(db, dataset),
      Buffer.from("}"),
    );
  }
  parts.push(Buffer.from("}}"));
  return parts;
}

/** The envelope as JSON text (`assembleEnvelopeParts` joined). */
export async function assembleEnvelopeJson(db: Db, record: SnapshotRecord): Promise<string> {
  return Buffer.concat(await assembleEnvelopeParts(db, record)).toString("utf8");
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
