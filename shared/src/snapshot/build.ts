import { DATASET_IDS, type DatasetId, type RowOf } from "../datasets";
import {
  type DatasetStatus,
  SNAPSHOT_SCHEMA_VERSION,
  type SnapshotEnvelope,
  snapshotEnvelopeSchema,
} from "./envelope";
import { InvalidSnapshotError } from "./errors";
import { hashDatasetRows } from "./hash";

export interface CollectedDataset<D extends DatasetId> {
  status: DatasetStatus;
  collectedAt: string;
  rows: readonly RowOf<D>[];
}

export interface BuildSnapshotInput {
  snapshotId: string;
  tenantId: string;
  tenantDisplayName: string;
  companyId: string | null;
  capturedAt: string;
  capturedBy?: string;
  /** Only the datasets that were collected (or attempted: an unavailable one has no rows). */
  datasets: { [D in DatasetId]?: CollectedDataset<D> };
}

function issuesOf(error: { issues: readonly { path: readonly PropertyKey[]; message: string }[] }) {
  return error.issues.map(
    (issue) => `${issue.path.map(String).join(".") || "(root)"}: ${issue.message}`,
  );
}

/** Stands in for the hash until the rows are validated; never leaves this module. */
const PENDING_HASH = "0".repeat(64);

/**
 * Builds a snapshot envelope: per-dataset status, rows and content hash, validated with
 * `snapshotEnvelopeSchema` (the schema the relay validates pushes with), so an envelope that
 * leaves here is one the relay accepts. Hashes are computed from the validated rows (the schema
 * drops properties it does not know), i.e. from exactly what the relay will store and re-hash.
 * Throws InvalidSnapshotError or DuplicateRowIdError.
 */
export function buildSnapshot(input: BuildSnapshotInput): SnapshotEnvelope {
  const datasets: Record<string, unknown> = {};
  for (const datasetId of DATASET_IDS) {
    const collected = input.datasets[datasetId] as CollectedDataset<typeof datasetId> | undefined;
    if (collected === undefined) continue;
    datasets[datasetId] = {
      status: collected.status,
      collectedAt: collected.collectedAt,
      contentHash: PENDING_HASH,
      rows: collected.rows,
    };
  }
  const envelope = {
    schemaVersion: SNAPSHOT_SCHEMA_VERSION,
    snapshotId: input.snapshotId,
    tenantId: input.tenantId,
    tenantDisplayName: input.tenantDisplayName,
    companyId: input.companyId,
    capturedAt: input.capturedAt,
    ...(input.capturedBy === undefined ? {} : { capturedBy: input.capturedBy }),
    datasets,
  };
  const parsed = snapshotEnvelopeSchema.safeParse(envelope);
  if (!parsed.success) throw new InvalidSnapshotError(issuesOf(parsed.error));
  for (const datasetId of DATASET_IDS) {
    const dataset = parsed.data.datasets[datasetId];
    if (dataset === undefined) continue;
    dataset.contentHash = hashDatasetRows(
      datasetId,
      dataset.rows as readonly RowOf<typeof datasetId>[],
    );
  }
  return parsed.data;
}

/**
 * Datasets whose stored `contentHash` does not match their rows (tampered or corrupted data, or
 * a client with different canonical rules). Empty when the envelope is consistent.
 */
export function datasetsWithWrongHash(envelope: SnapshotEnvelope): DatasetId[] {
  return DATASET_IDS.filter((datasetId) => {
    const dataset = envelope.datasets[datasetId];
    if (dataset === undefined) return false;
    const rows = dataset.rows as readonly RowOf<typeof datasetId>[];
    return hashDatasetRows(datasetId, rows) !== dataset.contentHash;
  });
}
