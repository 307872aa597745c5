import type { AuditLogRow } from "../datasets/audit-logs";
import { dayOf } from "./dates";
import type { Evidence } from "./types";

export function auditEvidence(event: AuditLogRow, detail: string): Evidence {
  const targets = event.targets.length > 0 ? event.targets.join(", ") : "(no target)";
  return { dataset: "auditLogs", rowId: event.id, label: `${event.activity}: ${targets}`, detail };
}

export function describeActor(event: AuditLogRow): string {
  const who = event.initiatedBy ?? "unknown initiator";
  const from = event.initiatedFromIp ? ` from ${event.initiatedFromIp}` : "";
  return `${dayOf(event.activityDateTime)} by ${who}${from}`;
}

/** directoryAudit `result` is an enum (success, failure, timeout, unknownFutureValue). */
export function isFailure(event: AuditLogRow): boolean {
  const result = event.result.toLowerCase();
  return result === "failure" || result === "timeout";
}
