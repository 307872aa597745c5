export {
  type BuildSnapshotInput,
  buildSnapshot,
  type CollectedDataset,
  datasetsWithWrongHash,
} from "./build";
export { canonicalJson } from "./canonical-json";
export { canonicalRow, canonicalRows } from "./canonical-rows";
export { CANONICAL_RULES, type CanonicalRules } from "./canonical-rules";
export { datasetStatusFromError } from "./dataset-status";
export {
  applyDatasetDiff,
  type DatasetComparison,
  type DatasetDiff,
  diffDataset,
  diffSnapshots,
  isEmptyDiff,
  type NotComparableReason,
  type RowChange,
  type SnapshotComparison,
} from "./diff";
export {
  DATASET_IDS,
  type DatasetSnapshot,
  type DatasetStatus,
  datasetSnapshotSchemas,
  datasetStatusSchema,
  SNAPSHOT_SCHEMA_VERSION,
  type SnapshotEnvelope,
  snapshotEnvelopeSchema,
} from "./envelope";
export {
  DiffConflictError,
  DuplicateRowIdError,
  InvalidSnapshotError,
  NotSerialisableError,
} from "./errors";
export { hashDatasetRows } from "./hash";
export { nobleSha256, type Sha256, type Sha256Factory } from "./sha256";
