import type { Evidence, FindingResult } from "./types";

/** Stable evidence order (dataset, label, row id), so results and golden files don't churn. */
export function sortEvidence(evidence: Evidence[]): Evidence[] {
  return [...evidence].sort(
    (a, b) =>
      a.dataset.localeCompare(b.dataset) ||
      a.label.localeCompare(b.label) ||
      a.rowId.localeCompare(b.rowId),
  );
}

function withReason(result: FindingResult, reason: string | undefined): FindingResult {
  return reason === undefined ? result : { ...result, reason };
}

export function failed(findingId: string, evidence: Evidence[], reason?: string): FindingResult {
  return withReason({ findingId, status: "fail", evidence: sortEvidence(evidence) }, reason);
}

export function passed(findingId: string, reason?: string): FindingResult {
  return withReason({ findingId, status: "pass", evidence: [] }, reason);
}

export function notEvaluated(findingId: string, reason: string): FindingResult {
  return { findingId, status: "notEvaluated", evidence: [], reason };
}

/** Fail when there is evidence, pass otherwise; a caveat (e.g. partial data) is kept either way. */
export function failIfAny(findingId: string, evidence: Evidence[], caveat?: string): FindingResult {
  return evidence.length > 0 ? failed(findingId, evidence, caveat) : passed(findingId, caveat);
}

/** Joins caveats that apply together, skipping absent ones. */
export function joinReasons(...reasons: (string | undefined)[]): string | undefined {
  const present = reasons.filter((reason): reason is string => reason !== undefined);
  return present.length > 0 ? present.join("; ") : undefined;
}
