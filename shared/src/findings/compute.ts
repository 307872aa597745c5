import type { SnapshotEnvelope } from "../snapshot/envelope";
import { FINDINGS } from "./catalogue";
import { DEFAULT_THRESHOLDS, type FindingThresholds } from "./thresholds";
import type { Finding, FindingResult } from "./types";

export interface ComputeFindingsOptions {
  /** Defaults to the snapshot's capture time, so a stored snapshot always gives the same result. */
  now?: Date;
  thresholds?: Partial<FindingThresholds>;
  /** Defaults to the whole catalogue. */
  findings?: readonly Finding[];
}

/**
 * Evaluates every finding against one snapshot. Pure: the same snapshot and options give the
 * same results, in catalogue order. A finding that throws on unexpected data is reported as not
 * evaluated with the error message rather than taking the whole report down.
 */
export function computeFindings(
  snapshot: SnapshotEnvelope,
  options: ComputeFindingsOptions = {},
): FindingResult[] {
  const context = {
    now: options.now ?? new Date(snapshot.capturedAt),
    thresholds: { ...DEFAULT_THRESHOLDS, ...options.thresholds },
  };
  return (options.findings ?? FINDINGS).map((finding) => {
    try {
      return finding.evaluate(snapshot, context);
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      return {
        findingId: finding.id,
        status: "notEvaluated",
        evidence: [],
        reason: `finding failed on this snapshot: ${message}`,
      };
    }
  });
}
