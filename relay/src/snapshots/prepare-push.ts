import { createHash } from "node:crypto";
import { DATASET_IDS, type DatasetId } from "../../../shared/src/datasets";
import type { SnapshotEnvelope } from "../../../shared/src/snapshot/envelope";
import type { SnapshotDatasetRecord, SnapshotRecord } from "../db/snapshots";
import { RelayHttpError } from "../http/errors";
import { nativeSha256 } from "./native-sha256";
import { DuplicateRowIdError, hashDatasetRows } from "./shared-core";

export interface PreparedDataset extends SnapshotDatasetRecord {
  rows: readonly unknown[];
}

export type PreparedPush = Omit<SnapshotRecord, "datasets"> & { datasets: PreparedDataset[] };

/**
 * Turns a validated envelope into what the store writes. The relay trusts nothing it can check:
 * dataset hashes are recomputed from the rows with the shared `hashDatasetRows` (on Node's native
 * sha256, native-sha256.ts), and the envelope must name the snapshot and company of the URL it
 * was pushed to.
 */
export function preparePush(
  envelope: SnapshotEnvelope,
  target: { companyId: string; snapshotId: string },
  context: { receivedAt: string; tokenId: string },
): PreparedPush {
  const snapshotId = envelope.snapshotId.toLowerCase();
  if (snapshotId !== target.snapshotId) {
    throw new RelayHttpError(
      422,
      "snapshot_id_mismatch",
      "The envelope's snapshotId differs from the snapshot id in the URL",
    );
  }
  if (envelope.companyId !== null && envelope.companyId !== target.companyId) {
    throw new RelayHttpError(
      422,
      "company_mismatch",
      "The envelope's companyId differs from the company in the URL",
    );
  }
  const datasets: PreparedDataset[] = [];
  for (const datasetId of DATASET_IDS) {
    const dataset = envelope.datasets[datasetId];
    if (dataset === undefined) continue;
    const contentHash = hashRows(datasetId, dataset.rows);
    if (contentHash !== dataset.contentHash) {
      throw new RelayHttpError(
        422,
        "content_hash_mismatch",
        `The ${datasetId} contentHash does not match its rows (the relay recomputes it)`,
      );
    }
    datasets.push({
      datasetId,
      contentHash,
      state: dataset.status.state,
      reasonCode: dataset.status.reasonCode ?? null,
      detail: dataset.status.detail ?? null,
      collectedAt: dataset.collectedAt,
      rowCount: dataset.rows.length,
      rows: dataset.rows,
    });
  }
  const header = {
    snapshotId,
    companyId: target.companyId,
    tenantId: envelope.tenantId.toLowerCase(),
    tenantDisplayName: envelope.tenantDisplayName,
    capturedAt: toUtcIso(envelope.capturedAt),
    capturedBy: envelope.capturedBy ?? null,
    schemaVersion: envelope.schemaVersion,
  };
  return {
    ...header,
    fingerprint: fingerprintOf(header, datasets),
    pushedByTokenId: context.tokenId,
    receivedAt: context.receivedAt,
    datasets,
  };
}

function hashRows(datasetId: DatasetId, rows: readonly unknown[]): string {
  // The envelope schema has validated `rows` as this dataset's rows; TypeScript cannot follow the
  // correlation between `datasetId` and the union of row arrays, hence the cast.
  try {
    // The same canonical hash as the extension's, with Node's native sha256 underneath.
    return hashDatasetRows(datasetId, rows as Parameters<typeof hashDatasetRows>[1], nativeSha256);
  } catch (error) {
    if (error instanceof DuplicateRowIdError) {
      throw new RelayHttpError(422, "duplicate_row_id", error.message, { cause: error });
    }
    throw error;
  }
}

/** Timestamps are stored in UTC so that "latest" can sort them as text. */
function toUtcIso(value: string): string {
  const time = Date.parse(value);
  if (Number.isNaN(time)) {
    throw new RelayHttpError(422, "invalid_snapshot", `capturedAt "${value}" is not a valid date`);
  }
  return new Date(time).toISOString();
}

/**
 * What makes two pushes "the same snapshot": everything stored, with the server-computed dataset
 * hashes standing in for the rows. Same id + same fingerprint = idempotent retry; else 409.
 */
function fingerprintOf(
  header: Record<string, string | number | null>,
  datasets: readonly PreparedDataset[],
): string {
  const canonical = JSON.stringify({
    header: Object.entries(header).sort(([a], [b]) => a.localeCompare(b)),
    datasets: datasets.map((d) => [
      d.datasetId,
      d.contentHash,
      d.state,
      d.reasonCode,
      d.detail,
      d.collectedAt,
    ]),
  });
  return createHash("sha256").update(canonical, "utf8").digest("hex");
}
