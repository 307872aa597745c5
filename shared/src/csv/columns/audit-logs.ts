import type { RowOf } from "../../datasets";
import { isoDateTime, list } from "../cell-format";
import { type CsvTable, oneRecordPerRow } from "./column";

export const auditLogsCsv: CsvTable<RowOf<"auditLogs">, RowOf<"auditLogs">> = oneRecordPerRow([
  { header: "Date (UTC)", value: (row) => isoDateTime(row.activityDateTime) },
  { header: "Activity", value: (row) => row.activity },
  { header: "Category", value: (row) => row.category },
  { header: "Result", value: (row) => row.result },
  { header: "Result Reason", value: (row) => row.resultReason },
  { header: "Logged By Service", value: (row) => row.loggedByService },
  { header: "Correlation ID", value: (row) => row.correlationId },
  { header: "Initiated By", value: (row) => row.initiatedBy },
  { header: "Initiated By Type", value: (row) => row.initiatedByKind },
  { header: "Initiated From IP", value: (row) => row.initiatedFromIp },
  { header: "Targets", value: (row) => list(row.targets) },
  { header: "Audit ID", value: (row) => row.id },
]);
