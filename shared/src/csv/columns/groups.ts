import type { RowOf } from "../../datasets";
import { list, yesNo } from "../cell-format";
import { type CsvTable, oneRecordPerRow } from "./column";

export const groupsCsv: CsvTable<RowOf<"groups">, RowOf<"groups">> = oneRecordPerRow([
  { header: "Display Name", value: (row) => row.displayName },
  { header: "Mail", value: (row) => row.mail },
  { header: "Group Types", value: (row) => list(row.groupTypes) },
  { header: "Mail Enabled", value: (row) => yesNo(row.mailEnabled) },
  { header: "Proxy Addresses", value: (row) => list(row.proxyAddresses) },
  { header: "Resource Behavior Options", value: (row) => list(row.resourceBehaviorOptions) },
  { header: "Security Enabled", value: (row) => yesNo(row.securityEnabled) },
  { header: "Security Identifier", value: (row) => row.securityIdentifier },
  { header: "Description", value: (row) => row.description },
  { header: "Kind", value: (row) => row.kind },
  { header: "Member Count", value: (row) => row.memberCount },
  { header: "On-Premises Synced", value: (row) => yesNo(row.onPremisesSyncEnabled) },
  { header: "Object ID", value: (row) => row.id },
]);
