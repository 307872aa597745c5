/**
 * The shared core functions the relay builds on, imported in one place. The relay never has its
 * own copy: the hash it recomputes, the diff and the CSV are byte-for-byte the extension's.
 */
export {
  CSV_EXPORTS,
  type CsvExportId,
  csvExportStream,
  DEFAULT_CSV_EXPORT,
} from "../../../shared/src/csv";
export { computeFindings } from "../../../shared/src/findings";
export {
  DuplicateRowIdError,
  diffSnapshots,
  hashDatasetRows,
  nobleSha256,
  type Sha256Factory,
} from "../../../shared/src/snapshot";
