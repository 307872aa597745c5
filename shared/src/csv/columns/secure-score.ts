import type { RowOf } from "../../datasets";
import { compareOrdinal } from "../../datasets/compare";
import { isoDateTime } from "../cell-format";
import type { CsvTable } from "./column";

type SecureScoreRow = RowOf<"secureScore">;
type ControlScore = SecureScoreRow["controlScores"][number];
type ImprovementAction = SecureScoreRow["improvementActions"][number];

/** One control of the latest score, with its improvement action where Microsoft has a profile. */
export interface SecureScoreControlRecord {
  controlName: string;
  score: ControlScore | null;
  action: ImprovementAction | null;
}

function controlRecords(row: SecureScoreRow): SecureScoreControlRecord[] {
  const names = new Set([
    ...row.controlScores.map((score) => score.controlName),
    ...row.improvementActions.map((action) => action.controlName),
  ]);
  const scores = new Map(row.controlScores.map((score) => [score.controlName, score]));
  const actions = new Map(row.improvementActions.map((action) => [action.controlName, action]));
  return [...names].sort(compareOrdinal).map((controlName) => ({
    controlName,
    score: scores.get(controlName) ?? null,
    action: actions.get(controlName) ?? null,
  }));
}

function status(record: SecureScoreControlRecord): string | null {
  if (record.action === null) return null;
  if (record.action.deprecated) return "Deprecated";
  return record.action.complete ? "Completed" : "To address";
}

/** Controls and improvement actions, one line per control. */
export const secureScoreControlsCsv: CsvTable<SecureScoreRow, SecureScoreControlRecord> = {
  records: controlRecords,
  columns: [
    { header: "Control", value: (record) => record.controlName },
    { header: "Improvement Action", value: (record) => record.action?.title ?? null },
    { header: "Category", value: (record) => record.score?.controlCategory ?? null },
    { header: "Status", value: status },
    {
      header: "Score",
      value: (record) => record.score?.score ?? record.action?.currentScore ?? null,
    },
    {
      header: "Max Score",
      value: (record) => record.action?.maxScore ?? record.score?.maxScore ?? null,
    },
    { header: "Rank", value: (record) => record.action?.rank ?? null },
    { header: "User Impact", value: (record) => record.action?.userImpact ?? null },
    { header: "Implementation Cost", value: (record) => record.action?.implementationCost ?? null },
    { header: "Service", value: (record) => record.action?.service ?? null },
    { header: "Remediation", value: (record) => record.action?.remediation ?? null },
    { header: "Description", value: (record) => record.score?.description ?? null },
  ],
};

/** The daily history, in the order the row keeps it (by date). */
export const secureScoreHistoryCsv: CsvTable<SecureScoreRow, SecureScoreRow["history"][number]> = {
  records: (row) => row.history,
  columns: [
    { header: "Date", value: (point) => point.date },
    { header: "Current Score", value: (point) => point.currentScore },
    { header: "Max Score", value: (point) => point.maxScore },
  ],
};

function comparison(basis: string) {
  return (row: SecureScoreRow) =>
    row.comparisons.find((entry) => entry.basis === basis)?.averageScore ?? null;
}

/** The headline: latest score, percentage and Microsoft's comparisons. */
export const secureScoreSummaryCsv: CsvTable<SecureScoreRow, SecureScoreRow> = {
  records: (row) => [row],
  columns: [
    { header: "Date (UTC)", value: (row) => isoDateTime(row.createdDateTime) },
    { header: "Current Score", value: (row) => row.currentScore },
    { header: "Max Score", value: (row) => row.maxScore },
    { header: "Percentage", value: (row) => row.percentage },
    { header: "All Tenants Average", value: comparison("AllTenants") },
    { header: "Similar Seats Average", value: comparison("TotalSeats") },
    { header: "Industry Average", value: comparison("IndustryTypes") },
    {
      header: "Controls To Address",
      value: (row) =>
        row.improvementActions.filter((action) => !action.complete && !action.deprecated).length,
    },
    { header: "Score ID", value: (row) => row.id },
  ],
};
