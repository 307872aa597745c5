/** Two rows of one dataset share an object id: rows are keyed by id, so this is a mapping bug. */
export class DuplicateRowIdError extends Error {
  override readonly name = "DuplicateRowIdError";
  constructor(
    readonly datasetId: string,
    readonly rowId: string,
  ) {
    super(`Dataset ${datasetId} has more than one row with id "${rowId}".`);
  }
}

/** A value JSON cannot represent (bigint, function, symbol) reached the canonical serialiser. */
export class NotSerialisableError extends Error {
  override readonly name = "NotSerialisableError";
  constructor(
    readonly path: string,
    readonly valueType: string,
  ) {
    super(`Cannot serialise a ${valueType} at "${path}" canonically.`);
  }
}

/** The envelope failed `snapshotEnvelopeSchema`; `issues` say where. */
export class InvalidSnapshotError extends Error {
  override readonly name = "InvalidSnapshotError";
  constructor(readonly issues: readonly string[]) {
    super(`Invalid snapshot: ${issues.slice(0, 5).join("; ")}${issues.length > 5 ? "; …" : ""}`);
  }
}

/** A diff does not fit the rows it is applied to (wrong base snapshot). */
export class DiffConflictError extends Error {
  override readonly name = "DiffConflictError";
  constructor(
    readonly rowId: string,
    reason: string,
  ) {
    super(`Cannot apply diff to row "${rowId}": ${reason}.`);
  }
}
