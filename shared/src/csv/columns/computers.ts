import type { RowOf } from "../../datasets";
import { isoDateTime, textOrReason, yesNo } from "../cell-format";
import { type CsvTable, oneRecordPerRow } from "./column";

export const computersCsv: CsvTable<RowOf<"computers">, RowOf<"computers">> = oneRecordPerRow([
  { header: "Asset Name", value: (row) => row.assetName },
  { header: "Host Name/IP", value: (row) => textOrReason(row.hostNameOrIp) },
  { header: "OS", value: (row) => row.os },
  { header: "OS Version", value: (row) => row.osVersion },
  { header: "Distinguished Name", value: (row) => textOrReason(row.distinguishedName) },
  { header: "Intune Managed", value: (row) => yesNo(row.intuneManaged) },
  { header: "Join Type", value: (row) => row.joinType },
  { header: "Compliant", value: (row) => yesNo(row.compliant) },
  { header: "Last Activity", value: (row) => isoDateTime(row.lastActivity) },
  { header: "Account Enabled", value: (row) => yesNo(row.accountEnabled) },
  { header: "Owner", value: (row) => row.owner },
  { header: "Manufacturer", value: (row) => row.manufacturer },
  { header: "Model", value: (row) => row.model },
  { header: "Serial Number", value: (row) => row.serialNumber },
  { header: "Intune Only", value: (row) => yesNo(row.intuneOnly) },
  { header: "Device ID", value: (row) => row.deviceId },
  { header: "Object ID", value: (row) => row.id },
]);
