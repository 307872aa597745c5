import type { DatasetId, RowOf } from "../datasets";
import { auditLogsCsv } from "./columns/audit-logs";
import type { CsvTable } from "./columns/column";
import { computersCsv } from "./columns/computers";
import { groupsCsv } from "./columns/groups";
import { licencesCsv } from "./columns/licences";
import { rolesCsv } from "./columns/roles";
import {
  secureScoreControlsCsv,
  secureScoreHistoryCsv,
  secureScoreSummaryCsv,
} from "./columns/secure-score";
import { usersCsv } from "./columns/users";

interface CsvExport<D extends DatasetId> {
  dataset: D;
  /** File name stem, e.g. `users` → `Contoso-users-2026-11-26.csv`. */
  fileStem: string;
  // The record type varies per export; `never` keeps the table callable only through this registry.
  table: CsvTable<RowOf<D>, never>;
}

function csvExport<D extends DatasetId, Record>(
  dataset: D,
  fileStem: string,
  table: CsvTable<RowOf<D>, Record>,
): CsvExport<D> {
  return { dataset, fileStem, table: table as unknown as CsvTable<RowOf<D>, never> };
}

/** Every CSV tenantlens writes. Secure score is a dashboard, so it exports as three tables. */
export const CSV_EXPORTS = {
  users: csvExport("users", "users", usersCsv),
  computers: csvExport("computers", "computers", computersCsv),
  groups: csvExport("groups", "groups", groupsCsv),
  licences: csvExport("licences", "licences", licencesCsv),
  roles: csvExport("roles", "roles", rolesCsv),
  auditLogs: csvExport("auditLogs", "audit-logs", auditLogsCsv),
  secureScoreControls: csvExport("secureScore", "secure-score-controls", secureScoreControlsCsv),
  secureScoreHistory: csvExport("secureScore", "secure-score-history", secureScoreHistoryCsv),
  secureScoreSummary: csvExport("secureScore", "secure-score-summary", secureScoreSummaryCsv),
} as const;

export type CsvExportId = keyof typeof CSV_EXPORTS;
export type CsvExportDataset<E extends CsvExportId> = (typeof CSV_EXPORTS)[E]["dataset"];

/** The export a dataset's "Download CSV" gives by default. */
export const DEFAULT_CSV_EXPORT: { [D in DatasetId]: CsvExportId } = {
  users: "users",
  computers: "computers",
  groups: "groups",
  licences: "licences",
  roles: "roles",
  auditLogs: "auditLogs",
  secureScore: "secureScoreControls",
};
