import type { DatasetId, RowOf } from "../datasets";
import { compareOrdinal } from "../datasets/compare";
import { writeCanonical } from "./canonical-json";
import { CanonicalLocation } from "./canonical-paths";
import { CANONICAL_RULES } from "./canonical-rules";
import { DuplicateRowIdError } from "./errors";

const unorderedPathSets = new Map<DatasetId, ReadonlySet<string>>();
const rowLocations = new Map<DatasetId, CanonicalLocation>();

/** The array paths of a dataset that are sorted before serialising. */
export function unorderedPathsOf(datasetId: DatasetId): ReadonlySet<string> {
  let paths = unorderedPathSets.get(datasetId);
  if (paths === undefined) {
    paths = new Set(CANONICAL_RULES[datasetId].unordered);
    unorderedPathSets.set(datasetId, paths);
  }
  return paths;
}

/**
 * The location of a whole row of the dataset. Kept for the life of the module (the rules are
 * constant), so the sorted keys of each row shape are worked out once, not once per call.
 */
function rowLocationOf(datasetId: DatasetId): CanonicalLocation {
  let location = rowLocations.get(datasetId);
  if (location === undefined) {
    location = new CanonicalLocation("", unorderedPathsOf(datasetId));
    rowLocations.set(datasetId, location);
  }
  return location;
}

/** One row's canonical JSON. */
export function canonicalRow<D extends DatasetId>(datasetId: D, row: RowOf<D>): string {
  return writeCanonical(row, rowLocationOf(datasetId));
}

/** Canonical JSON of one top-level field of a row, for field-level diffs. */
export function canonicalField(datasetId: DatasetId, field: string, value: unknown): string {
  return writeCanonical(value, rowLocationOf(datasetId).child(field));
}

/**
 * Each row's canonical JSON, ordered by object id (ordinal), so Graph's paging order does not
 * matter. Ids must be unique: rows are keyed by object id everywhere.
 */
export function canonicalRowTexts<D extends DatasetId>(
  datasetId: D,
  rows: readonly RowOf<D>[],
): string[] {
  const location = rowLocationOf(datasetId);
  const texts = rows.map((row) => writeCanonical(row, location));
  // Rows usually arrive sorted already (a stored snapshot, a re-hash): one pass proves it, and
  // strictly increasing ids cannot contain a duplicate.
  if (idsStrictlyIncrease(rows)) return texts;
  const keyed = rows.map((row, index) => ({ id: row.id, text: texts[index] as string }));
  keyed.sort((a, b) => compareOrdinal(a.id, b.id));
  for (let index = 1; index < keyed.length; index++) {
    const id = keyed[index]?.id;
    if (id !== undefined && id === keyed[index - 1]?.id)
      throw new DuplicateRowIdError(datasetId, id);
  }
  return keyed.map((entry) => entry.text);
}

/**
 * Calls `visit` with each row's canonical JSON in id order, keeping none of them: hashing 100k
 * rows then holds one row's text at a time instead of all of them (~66 MB of strings whose
 * collection cost more than the hashing). Throws what `canonicalRowTexts` throws, in the same
 * precedence.
 */
export function forEachCanonicalRowText<D extends DatasetId>(
  datasetId: D,
  rows: readonly RowOf<D>[],
  visit: (text: string) => void,
): void {
  const ordered = idsStrictlyIncrease(rows)
    ? rows
    : [...rows].sort((a, b) => compareOrdinal(a.id, b.id));
  if (ordered !== rows && !idsStrictlyIncrease(ordered)) {
    // Duplicate ids: report them (or an unserialisable value found first) exactly as before.
    canonicalRowTexts(datasetId, rows);
  }
  const location = rowLocationOf(datasetId);
  for (const row of ordered) {
    let text: string;
    try {
      text = writeCanonical(row, location);
    } catch (error) {
      // Rows are written in id order here, in input order there: let the first unserialisable
      // value in input order be the one reported, as it always was.
      canonicalRowTexts(datasetId, rows);
      throw error;
    }
    visit(text);
  }
}

function idsStrictlyIncrease(rows: readonly { id: string }[]): boolean {
  let previous: string | undefined;
  for (const { id } of rows) {
    if (previous !== undefined && !(previous < id)) return false;
    previous = id;
  }
  return true;
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
