import type { DatasetId } from "../datasets";
import type { SnapshotEnvelope } from "../snapshot/envelope";
import type { FindingThresholds } from "./thresholds";

export const SEVERITIES = ["critical", "high", "medium", "low", "info"] as const;
export type Severity = (typeof SEVERITIES)[number];

/**
 * Ids only, of controls that ask for the same thing:
 * CIS Microsoft 365 Foundations Benchmark (v4/v5 numbering, e.g. "5.2.2.1"),
 * CISA ScubaGear Entra ID baseline (e.g. "MS.AAD.7.1v1"), Maester tests (e.g. "MT.1032").
 * A field is left out rather than filled with a guess.
 */
export interface FindingReferences {
  cis?: readonly string[];
  scuba?: readonly string[];
  maester?: readonly string[];
}

/** One row that shows why a finding fired, pointing back into the snapshot. */
export interface Evidence {
  dataset: DatasetId;
  /** The row's id; for a tenant-wide fact (e.g. security defaults), the tenant id. */
  rowId: string;
  /** What a technician recognises: a UPN, a device name, a SKU. */
  label: string;
  /** The fact that matters for this finding, e.g. "Global Administrator; MFA: No". */
  detail: string;
}

export type FindingStatus = "fail" | "pass" | "notEvaluated";

export interface FindingResult {
  findingId: string;
  status: FindingStatus;
  evidence: Evidence[];
  /**
   * Why the finding was not evaluated ("needs Entra ID P1", "dataset users not collected"), or a
   * caveat on a result computed from partial data. Never absent on `notEvaluated`.
   */
  reason?: string;
}

export interface FindingContext {
  /** The instant "90 days ago" and "last 7 days" are measured from. */
  now: Date;
  thresholds: FindingThresholds;
}

export interface Finding {
  /** Kebab-case, stable: stored with results and named after the rule's file. */
  id: string;
  title: string;
  severity: Severity;
  whyItMatters: string;
  howToFix: string;
  references: FindingReferences;
  /** Datasets the finding reads; a missing or unavailable one makes it `notEvaluated`. */
  requires: readonly DatasetId[];
  /** The thresholds (by key) the finding uses, for the catalogue's documentation. */
  thresholds?: readonly (keyof FindingThresholds)[];
  evaluate(snapshot: SnapshotEnvelope, context: FindingContext): FindingResult;
}
