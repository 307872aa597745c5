import type { DatasetId, RowOf } from "../datasets";
import type { CsvCell } from "./cell-format";
import {
  CSV_EXPORTS,
  type CsvExportDataset,
  type CsvExportId,
  DEFAULT_CSV_EXPORT,
} from "./exports";
import { neutraliseFormula } from "./formula-injection";
import { csvRecord } from "./rfc4180";

export interface CsvOptions {
  /** Start with a UTF-8 byte order mark so Excel opens the file as UTF-8. */
  bom?: boolean | undefined;
}

/** U+FEFF, written as EF BB BF in UTF-8. */
export const UTF8_BOM = "\uFEFF";

/** Records are encoded and handed to the stream in batches of this many rows. */
const ROWS_PER_CHUNK = 500;

function cellText(cell: CsvCell): string {
  if (cell === null) return "";
  if (typeof cell === "number") return Number.isFinite(cell) ? String(cell) : "";
  return neutraliseFormula(cell);
}

// The registry's tables are typed per export; these helpers take any export's table, and rows
// reach them as `never` because the row type depends on which export was chosen at run time.
type AnyTable = (typeof CSV_EXPORTS)[CsvExportId]["table"];

function headerLine(table: AnyTable): string {
  return csvRecord(table.columns.map((column) => neutraliseFormula(column.header)));
}

/** The CSV lines (usually one) that one report row expands to. */
function rowLines(table: AnyTable, row: never): string {
  let lines = "";
  for (const record of table.records(row)) {
    lines += csvRecord(table.columns.map((column) => cellText(column.value(record))));
  }
  return lines;
}

/** The whole CSV of an export as one string: for small exports and tests. */
export function csvExportString<E extends CsvExportId>(
  exportId: E,
  rows: Iterable<RowOf<CsvExportDataset<E>>>,
  options: CsvOptions = {},
): string {
  const { table } = CSV_EXPORTS[exportId];
  let text = (options.bom ? UTF8_BOM : "") + headerLine(table);
  for (const row of rows) text += rowLines(table, row as never);
  return text;
}

/** The default CSV of a dataset (secure score: controls and improvement actions). */
export function datasetCsvString<D extends DatasetId>(
  datasetId: D,
  rows: Iterable<RowOf<D>>,
  options: CsvOptions = {},
): string {
  return csvExportString(DEFAULT_CSV_EXPORT[datasetId], rows as Iterable<never>, options);
}

type RowSource<Row> = { next(): IteratorResult<Row> | Promise<IteratorResult<Row>>; close(): void };

function rowSource<Row>(rows: Iterable<Row> | AsyncIterable<Row>): RowSource<Row> {
  if (Symbol.asyncIterator in rows) {
    const iterator = rows[Symbol.asyncIterator]();
    return { next: () => iterator.next(), close: () => void iterator.return?.() };
  }
  // Sync sources are read without an await per row: 100k microtasks would dominate the export.
  const iterator = rows[Symbol.iterator]();
  return { next: () => iterator.next(), close: () => void iterator.return?.() };
}

/**
 * The CSV of an export as a web stream of UTF-8 bytes (works in browsers and Node 20+, and is a
 * valid HTTP body for the relay). Rows are pulled lazily, `ROWS_PER_CHUNK` at a time, so 100k
 * rows never become one string; cancelling the stream stops reading the rows.
 */
export function csvExportStream<E extends CsvExportId>(
  exportId: E,
  rows: Iterable<RowOf<CsvExportDataset<E>>> | AsyncIterable<RowOf<CsvExportDataset<E>>>,
  options: CsvOptions = {},
): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  const { table } = CSV_EXPORTS[exportId];
  const source = rowSource(rows);
  let chunk = (options.bom ? UTF8_BOM : "") + headerLine(table);
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      for (let count = 0; count < ROWS_PER_CHUNK; count++) {
        const pending = source.next();
        const next = pending instanceof Promise ? await pending : pending;
        if (next.done) {
          if (chunk.length > 0) controller.enqueue(encoder.encode(chunk));
          controller.close();
          return;
        }
        chunk += rowLines(table, next.value as never);
      }
      controller.enqueue(encoder.encode(chunk));
      chunk = "";
    },
    cancel() {
      source.close();
    },
  });
}

/** The default CSV of a dataset as a byte stream (see csvExportStream). */
export function datasetCsvStream<D extends DatasetId>(
  datasetId: D,
  rows: Iterable<RowOf<D>> | AsyncIterable<RowOf<D>>,
  options: CsvOptions = {},
): ReadableStream<Uint8Array> {
  return csvExportStream(DEFAULT_CSV_EXPORT[datasetId], rows as Iterable<never>, options);
}
