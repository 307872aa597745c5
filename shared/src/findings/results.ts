import type { Evidence, FindingResult } from "./types";

/**
 * Orders text by UTF-16 code units: unlike `localeCompare` it gives the same order in every
 * browser and Node build (ICU data differs), and it is fast enough for 100k evidence rows.
 */
export function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Stable evidence order (dataset, label, row id), so results and golden files don't churn. */
export function sortEvidence(evidence: Evidence[]): Evidence[] {
  return [...evidence].sort(
    (a, b) =>
      compareText(a.dataset, b.dataset) ||
      compareText(a.label, b.label) ||
      compareText(a.rowId, b.rowId),
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
