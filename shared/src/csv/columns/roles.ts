import type { RowOf } from "../../datasets";
import { list, yesNo } from "../cell-format";
import { type CsvTable, oneRecordPerRow } from "./column";

type RoleMember = RowOf<"roles">["members"][number];

/** "Ada Lovelace <ada@contoso.com> via Helpdesk Admins": who holds the role and how. */
function describeMember(member: RoleMember): string {
  const name = member.displayName ?? member.id;
  const identifier = member.identifier === null ? "" : ` <${member.identifier}>`;
  const via = member.viaGroup === null ? "" : ` via ${member.viaGroup}`;
  return `${name}${identifier}${via}`;
}

export const rolesCsv: CsvTable<RowOf<"roles">, RowOf<"roles">> = oneRecordPerRow([
  { header: "Display Name", value: (row) => row.displayName },
  { header: "User Count", value: (row) => row.userCount },
  { header: "Description", value: (row) => row.description },
  { header: "Role Template ID", value: (row) => row.roleTemplateId },
  { header: "Built-In", value: (row) => yesNo(row.isBuiltIn) },
  { header: "Members", value: (row) => list(row.members.map(describeMember)) },
  { header: "Object ID", value: (row) => row.id },
]);
