import type { LicenceRow } from "../datasets/licences";
import type { Evidence } from "./types";

export function licenceEvidence(sku: LicenceRow, detail: string): Evidence {
  return { dataset: "licences", rowId: sku.id, label: sku.friendlyName, detail };
}

export function seatSummary(sku: LicenceRow): string {
  return `${sku.consumedUnits} of ${sku.activeUnits} seats used`;
}
