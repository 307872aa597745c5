import { DATASET_IDS, type DatasetId, type RowOf } from "../datasets";
import { type DatasetDiff, diffDataset } from "./diff-dataset";
import type { SnapshotEnvelope } from "./envelope";

export {
  applyDatasetDiff,
  type DatasetDiff,
  diffDataset,
  isEmptyDiff,
  type RowChange,
} from "./diff-dataset";

export type NotComparableReason =
  | "missingInBoth"
  | "missingInOld"
  | "missingInNew"
  /** Comparing against a dataset Microsoft did not return would report every row as removed. */
  | "unavailableInOld"
  | "unavailableInNew";

export type DatasetComparison<D extends DatasetId> =
  /** Equal content hashes: the rows were not even looked at. */
  | { kind: "unchanged" }
  /** `partial`: one side was collected partially, so removals may only be missing pages. */
  | { kind: "changed"; diff: DatasetDiff<RowOf<D>>; partial: boolean }
  | { kind: "notComparable"; reason: NotComparableReason };

export type SnapshotComparison = { [D in DatasetId]: DatasetComparison<D> };

function compareDataset<D extends DatasetId>(
  datasetId: D,
  older: SnapshotEnvelope,
  newer: SnapshotEnvelope,
): DatasetComparison<D> {
  const before = older.datasets[datasetId];
  const after = newer.datasets[datasetId];
  if (before === undefined && after === undefined) {
    return { kind: "notComparable", reason: "missingInBoth" };
  }
  if (before === undefined) return { kind: "notComparable", reason: "missingInOld" };
  if (after === undefined) return { kind: "notComparable", reason: "missingInNew" };
  if (before.status.state === "unavailable") {
    return { kind: "notComparable", reason: "unavailableInOld" };
  }
  if (after.status.state === "unavailable") {
    return { kind: "notComparable", reason: "unavailableInNew" };
  }
  if (before.contentHash === after.contentHash) return { kind: "unchanged" };
  // The envelope types rows as the union of all datasets' rows; these are the rows of D.
  const diff = diffDataset(
    datasetId,
    before.rows as unknown as readonly RowOf<D>[],
    after.rows as unknown as readonly RowOf<D>[],
  );
  const partial = before.status.state === "partial" || after.status.state === "partial";
  return { kind: "changed", diff, partial };
}

/**
 * Compares two snapshots of one tenant dataset by dataset. Equal content hashes short-cut to
 * "unchanged" without touching the rows, which is the common case between two syncs.
 */
export function diffSnapshots(
  older: SnapshotEnvelope,
  newer: SnapshotEnvelope,
): SnapshotComparison {
  const result = {} as Record<DatasetId, DatasetComparison<DatasetId>>;
  for (const datasetId of DATASET_IDS) result[datasetId] = compareDataset(datasetId, older, newer);
  return result as SnapshotComparison;
}
