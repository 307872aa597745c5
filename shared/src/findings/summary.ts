import { FINDINGS } from "./catalogue";
import { type Finding, type FindingResult, SEVERITIES, type Severity } from "./types";

export interface FindingsSummary {
  /** Failing findings per severity (every severity present, zero when none). */
  failing: Record<Severity, number>;
  passed: number;
  notEvaluated: number;
  /** The most severe failing finding's severity, for a badge; null when nothing fails. */
  worst: Severity | null;
}

/**
 * Counts results the way the popup and the tenant list show them. Results of findings missing
 * from the catalogue (e.g. from an older or newer client) are left out rather than guessed at.
 */
export function summariseFindings(
  results: readonly FindingResult[],
  catalogue: readonly Finding[] = FINDINGS,
): FindingsSummary {
  const severityOf = new Map(catalogue.map((finding) => [finding.id, finding.severity]));
  const failing = Object.fromEntries(SEVERITIES.map((severity) => [severity, 0])) as Record<
    Severity,
    number
  >;
  let passed = 0;
  let notEvaluated = 0;
  for (const result of results) {
    const severity = severityOf.get(result.findingId);
    if (severity === undefined) continue;
    if (result.status === "fail") failing[severity] += 1;
    else if (result.status === "pass") passed += 1;
    else notEvaluated += 1;
  }
  const worst = SEVERITIES.find((severity) => failing[severity] > 0) ?? null;
  return { failing, passed, notEvaluated, worst };
}
