import type { SecureScoreRow } from "../datasets/secure-score";
import { compareText } from "./results";
import type { Evidence } from "./types";

/** The latest Secure Score row (the dataset holds one per tenant; take the newest if more). */
export function latestSecureScore(rows: readonly SecureScoreRow[]): SecureScoreRow | undefined {
  return [...rows].sort((a, b) => compareText(b.createdDateTime, a.createdDateTime))[0];
}

export function scoreEvidence(score: SecureScoreRow, detail: string): Evidence {
  return { dataset: "secureScore", rowId: score.id, label: "Secure Score", detail };
}

/** Rounded for people: 387.52 → "387.5". */
export function points(value: number): string {
  return String(Math.round(value * 10) / 10);
}
