import type { DatasetId, RowOf } from "../datasets";
import type { SnapshotEnvelope } from "../snapshot/envelope";

/** The rows of every required dataset, or why one of them cannot be used. */
export type RequiredRows<D extends DatasetId> =
  | { ok: true; rows: { [K in D]: RowOf<K>[] }; partial: D[] }
  | { ok: false; reason: string };

/**
 * Reads the datasets a finding needs. A dataset that was not collected or is unavailable stops
 * the finding with a reason that names the dataset and Microsoft's error code, so the technician
 * sees "not evaluated: dataset users unavailable (Authorization_RequestDenied)", never a pass.
 */
export function requireDatasets<D extends DatasetId>(
  snapshot: SnapshotEnvelope,
  datasets: readonly D[],
): RequiredRows<D> {
  const rows = {} as { [K in D]: RowOf<K>[] };
  const partial: D[] = [];
  for (const dataset of datasets) {
    const collected = snapshot.datasets[dataset];
    if (collected === undefined) {
      return { ok: false, reason: `dataset ${dataset} not collected` };
    }
    if (collected.status.state === "unavailable") {
      const code = collected.status.reasonCode ? ` (${collected.status.reasonCode})` : "";
      return { ok: false, reason: `dataset ${dataset} unavailable${code}` };
    }
    if (collected.status.state === "partial") partial.push(dataset);
    // The envelope types each dataset by its key; TypeScript cannot follow that through `D`.
    (rows as Record<DatasetId, unknown[]>)[dataset] = collected.rows;
  }
  return { ok: true, rows, partial };
}

/** A caveat for results computed from partially collected datasets, or undefined. */
export function partialCaveat(partial: readonly DatasetId[]): string | undefined {
  if (partial.length === 0) return undefined;
  return `computed from partial data (${partial.join(", ")}): some rows may be missing`;
}

/**
 * Rows of a dataset used only to enrich evidence (e.g. UPNs for role members), or none when it
 * was not collected: the finding still computes, with less friendly labels.
 */
export function optionalRows<D extends DatasetId>(
  snapshot: SnapshotEnvelope,
  dataset: D,
): RowOf<D>[] {
  const collected = snapshot.datasets[dataset];
  if (collected === undefined || collected.status.state === "unavailable") return [];
  return collected.rows as RowOf<D>[];
}
