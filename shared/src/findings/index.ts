export { FINDINGS } from "./catalogue";
export { type ComputeFindingsOptions, computeFindings } from "./compute";
export {
  GLOBAL_ADMINISTRATOR_TEMPLATE_ID,
  isPrivilegedRoleTemplate,
  PRIVILEGED_ROLES,
} from "./privileged-roles";
export { type FindingsSummary, summariseFindings } from "./summary";
export { DEFAULT_THRESHOLDS, type FindingThresholds } from "./thresholds";
export type {
  Evidence,
  Finding,
  FindingContext,
  FindingReferences,
  FindingResult,
  FindingStatus,
  Severity,
} from "./types";
export { SEVERITIES } from "./types";
