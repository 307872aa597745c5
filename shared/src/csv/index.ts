export { type CsvCell, LIST_SEPARATOR, mfaEnabled } from "./cell-format";
export {
  CSV_EXPORTS,
  type CsvExportDataset,
  type CsvExportId,
  DEFAULT_CSV_EXPORT,
} from "./exports";
export { isFormulaLike, neutraliseFormula } from "./formula-injection";
export { csvField, csvRecord } from "./rfc4180";
export {
  type CsvOptions,
  csvExportStream,
  csvExportString,
  datasetCsvStream,
  datasetCsvString,
  UTF8_BOM,
} from "./write";
