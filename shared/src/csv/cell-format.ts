import type { RowOf } from "../datasets";
import { isUnavailable, type UnavailableCell } from "../datasets/cells";

type MfaStatus = RowOf<"users">["mfa"];

/**
 * What a column yields for one record. Numbers stay numbers (a spreadsheet reads "-3" as the
 * number -3, not a formula, so numbers are exempt from formula neutralising); text is neutralised
 * when it is written; null is an empty cell.
 */
export type CsvCell = string | number | null;

export const LIST_SEPARATOR = "; ";

export function yesNo(value: boolean | null): CsvCell {
  return value === null ? null : value ? "Yes" : "No";
}

export function list(values: readonly string[]): CsvCell {
  return values.join(LIST_SEPARATOR);
}

/** A cell Graph cannot fill shows its reason instead of pretending to be empty. */
export function textOrReason(value: string | null | UnavailableCell): CsvCell {
  return isUnavailable(value) ? value.reason : value;
}

/** ISO 8601 as Graph sends it (`2026-11-26T10:00:00Z`); anything else is kept as received. */
export function isoDateTime(value: string | null | UnavailableCell): CsvCell {
  if (isUnavailable(value)) return value.reason;
  if (value === null) return null;
  const time = Date.parse(value);
  return Number.isNaN(time) || /^\d{4}-\d{2}-\d{2}T/.test(value)
    ? value
    : new Date(time).toISOString();
}

const MFA_SOURCE_LABELS: Record<MfaStatus["source"], string> = {
  registrationDetails: "registration report",
  authenticationMethods: "authentication methods",
  none: "no data",
};

export function mfaSourceLabel(source: MfaStatus["source"]): string {
  return MFA_SOURCE_LABELS[source];
}

/**
 * "Yes (registration report)", "No (authentication methods)", "Unknown — needs Entra ID P1
 * (no data)": the answer and where it came from, never a bare "No" for missing evidence.
 */
export function mfaEnabled(mfa: MfaStatus): CsvCell {
  const source = `(${mfaSourceLabel(mfa.source)})`;
  if (mfa.state === "yes") return `Yes ${source}`;
  if (mfa.state === "no") return `No ${source}`;
  const firstSentence = mfa.detail.split(/\.\s/)[0]?.replace(/\.$/, "") ?? "";
  const unknown = firstSentence.startsWith("Unknown") ? firstSentence : "Unknown";
  return `${unknown} ${source}`;
}
