import type { RowOf } from "../../datasets";
import { type CsvTable, oneRecordPerRow } from "./column";

export const licencesCsv: CsvTable<RowOf<"licences">, RowOf<"licences">> = oneRecordPerRow([
  { header: "Friendly Name", value: (row) => row.friendlyName },
  { header: "SKU Part Number", value: (row) => row.skuPartNumber },
  { header: "Active Units", value: (row) => row.activeUnits },
  { header: "Consumed Units", value: (row) => row.consumedUnits },
  { header: "Warning Units", value: (row) => row.warningUnits },
  { header: "Suspended Units", value: (row) => row.suspendedUnits },
  { header: "Locked Out Units", value: (row) => row.lockedOutUnits },
  { header: "Unused Units", value: (row) => row.unusedUnits },
  { header: "Capability Status", value: (row) => row.capabilityStatus },
  { header: "Applies To", value: (row) => row.appliesTo },
  { header: "SKU ID", value: (row) => row.skuId },
  { header: "Object ID", value: (row) => row.id },
]);
