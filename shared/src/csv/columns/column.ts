import type { CsvCell } from "../cell-format";

/** One CSV column: the header technicians know, and how a record fills it. */
export interface CsvColumn<Record> {
  header: string;
  value: (record: Record) => CsvCell;
}

/**
 * A CSV export: the records one report row expands to (one for most datasets; a secure score row
 * expands to its controls or its history) and the columns written for each.
 */
export interface CsvTable<Row, Record> {
  columns: readonly CsvColumn<Record>[];
  records: (row: Row) => Iterable<Record>;
}

/** The common case: one record per row. */
export function oneRecordPerRow<Row>(columns: readonly CsvColumn<Row>[]): CsvTable<Row, Row> {
  return { columns, records: (row) => [row] };
}
