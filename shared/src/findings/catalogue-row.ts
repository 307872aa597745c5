import { DEFAULT_THRESHOLDS } from "./thresholds";
import type { Finding } from "./types";

function references(finding: Finding): string {
  const { cis = [], scuba = [], maester = [] } = finding.references;
  const parts = [
    ...cis.map((id) => `CIS ${id}`),
    ...scuba.map((id) => `ScubaGear ${id}`),
    ...maester.map((id) => `Maester ${id}`),
  ];
  return parts.length > 0 ? parts.join(", ") : "—";
}

function thresholds(finding: Finding): string {
  const keys = finding.thresholds ?? [];
  return keys.length > 0
    ? keys.map((key) => `${key} = ${DEFAULT_THRESHOLDS[key]}`).join(", ")
    : "—";
}

/**
 * The finding's row in docs/findings.md. The meta-test requires the document to contain exactly
 * this row for every finding, so the document cannot drift from the catalogue.
 */
export function catalogueTableRow(finding: Finding): string {
  return `| \`${finding.id}\` | ${finding.title} | ${finding.severity} | ${references(finding)} | ${finding.requires.join(", ")} | ${thresholds(finding)} |`;
}
