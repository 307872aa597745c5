import type { DatasetId, RowOf } from "../datasets";
import { compareOrdinal } from "../datasets/compare";
import { canonicalJson } from "./canonical-json";
import { CANONICAL_RULES } from "./canonical-rules";
import { DuplicateRowIdError } from "./errors";

const unorderedPathSets = new Map<DatasetId, ReadonlySet<string>>();

/** The array paths of a dataset that are sorted before serialising. */
export function unorderedPathsOf(datasetId: DatasetId): ReadonlySet<string> {
  let paths = unorderedPathSets.get(datasetId);
  if (paths === undefined) {
    paths = new Set(CANONICAL_RULES[datasetId].unordered);
    unorderedPathSets.set(datasetId, paths);
  }
  return paths;
}

/** One row's canonical JSON. */
export function canonicalRow<D extends DatasetId>(datasetId: D, row: RowOf<D>): string {
  return canonicalJson(row, unorderedPathsOf(datasetId));
}

/** Canonical JSON of one top-level field of a row, for field-level diffs. */
export function canonicalField(datasetId: DatasetId, field: string, value: unknown): string {
  return canonicalJson(value, unorderedPathsOf(datasetId), field);
}

/**
 * Each row's canonical JSON, ordered by object id (ordinal), so Graph's paging order does not
 * matter. Ids must be unique: rows are keyed by object id everywhere.
 */
export function canonicalRowTexts<D extends DatasetId>(
  datasetId: D,
  rows: readonly RowOf<D>[],
): string[] {
  const keyed = rows.map((row) => ({ id: row.id, text: canonicalRow(datasetId, row) }));
  keyed.sort((a, b) => compareOrdinal(a.id, b.id));
  for (let index = 1; index < keyed.length; index++) {
    const id = keyed[index]?.id;
    if (id !== undefined && id === keyed[index - 1]?.id)
      throw new DuplicateRowIdError(datasetId, id);
  }
  return keyed.map((entry) => entry.text);
}

/**
 * The canonical serialisation of a dataset: a JSON array of canonical rows sorted by id, with the
 * arrays Graph leaves unordered sorted (see CANONICAL_RULES). Equal data gives equal text.
 */
export function canonicalRows<D extends DatasetId>(
  datasetId: D,
  rows: readonly RowOf<D>[],
): string {
  return `[${canonicalRowTexts(datasetId, rows).join(",")}]`;
}
