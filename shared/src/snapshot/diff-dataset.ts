import type { DatasetId, RowOf } from "../datasets";
import { compareOrdinal } from "../datasets/compare";
import { canonicalField, canonicalRow } from "./canonical-rows";
import { DiffConflictError, DuplicateRowIdError } from "./errors";

export interface RowChange<Row> {
  id: string;
  before: Row;
  after: Row;
  /** Top-level fields whose canonical value differs, ordinal order. */
  fields: string[];
}

export interface DatasetDiff<Row> {
  /** Rows only in the new data, by id. */
  added: Row[];
  /** Rows only in the old data, by id. */
  removed: Row[];
  changed: RowChange<Row>[];
}

interface Keyed<Row> {
  row: Row;
  text: string;
}

function keyById<D extends DatasetId>(
  datasetId: D,
  rows: readonly RowOf<D>[],
): Map<string, Keyed<RowOf<D>>> {
  const byId = new Map<string, Keyed<RowOf<D>>>();
  for (const row of rows) {
    if (byId.has(row.id)) throw new DuplicateRowIdError(datasetId, row.id);
    byId.set(row.id, { row, text: canonicalRow(datasetId, row) });
  }
  return byId;
}

function changedFields(datasetId: DatasetId, before: object, after: object): string[] {
  const left = before as Record<string, unknown>;
  const right = after as Record<string, unknown>;
  const keys = new Set([...Object.keys(left), ...Object.keys(right)]);
  return [...keys]
    .filter(
      (key) =>
        canonicalField(datasetId, key, left[key]) !== canonicalField(datasetId, key, right[key]),
    )
    .sort(compareOrdinal);
}

const byRowId = (a: { id: string }, b: { id: string }) => compareOrdinal(a.id, b.id);

/**
 * What changed between two collections of one dataset, keyed by object id. Rows are compared in
 * canonical form, so a reordered unordered array (say `proxyAddresses`) is not a change.
 */
export function diffDataset<D extends DatasetId>(
  datasetId: D,
  oldRows: readonly RowOf<D>[],
  newRows: readonly RowOf<D>[],
): DatasetDiff<RowOf<D>> {
  const before = keyById(datasetId, oldRows);
  const after = keyById(datasetId, newRows);
  const diff: DatasetDiff<RowOf<D>> = { added: [], removed: [], changed: [] };
  for (const [id, old] of before) {
    const current = after.get(id);
    if (current === undefined) {
      diff.removed.push(old.row);
    } else if (current.text !== old.text) {
      const fields = changedFields(datasetId, old.row, current.row);
      diff.changed.push({ id, before: old.row, after: current.row, fields });
    }
  }
  for (const [id, current] of after) {
    if (!before.has(id)) diff.added.push(current.row);
  }
  diff.added.sort(byRowId);
  diff.removed.sort(byRowId);
  diff.changed.sort(byRowId);
  return diff;
}

/** True when the diff has nothing in it. */
export function isEmptyDiff(diff: DatasetDiff<unknown>): boolean {
  return diff.added.length === 0 && diff.removed.length === 0 && diff.changed.length === 0;
}

/**
 * Applies a diff to the rows it was computed from: removed rows go, changed rows take their
 * `after`, added rows are appended. Throws DiffConflictError when the rows are not the diff's
 * base (a removed or changed id missing, an added id already present).
 */
export function applyDatasetDiff<Row extends { id: string }>(
  rows: readonly Row[],
  diff: DatasetDiff<Row>,
): Row[] {
  const byId = new Map<string, Row>();
  for (const row of rows) {
    if (byId.has(row.id)) throw new DiffConflictError(row.id, "the rows repeat this id");
    byId.set(row.id, row);
  }
  for (const removed of diff.removed) {
    if (!byId.delete(removed.id)) throw new DiffConflictError(removed.id, "removed row is absent");
  }
  for (const change of diff.changed) {
    if (!byId.has(change.id)) throw new DiffConflictError(change.id, "changed row is absent");
    byId.set(change.id, change.after);
  }
  for (const added of diff.added) {
    if (byId.has(added.id)) throw new DiffConflictError(added.id, "added row already exists");
    byId.set(added.id, added);
  }
  return [...byId.values()];
}
