import { auditEvidence, describeActor, isFailure } from "../audit";
import { partialCaveat, requireDatasets } from "../dataset-access";
import { isWithinDays } from "../dates";
import { failed, notEvaluated, passed } from "../results";
import type { Finding } from "../types";

export const failedAuditEvents: Finding = {
  id: "failed-audit-events",
  title: "Many failed directory operations in the last 7 days",
  severity: "low",
  whyItMatters:
    "Bursts of failed directory changes point at a broken sync or automation, or at someone probing what an account is allowed to do.",
  howToFix:
    "Group the failures by initiator and activity in the Entra audit log; fix the failing integration, or investigate an initiator that should not be attempting those changes.",
  references: {},
  requires: ["auditLogs"],
  thresholds: ["recentAuditDays", "failedAuditEventsMinimum"],
  evaluate(snapshot, { now, thresholds }) {
    const data = requireDatasets(snapshot, ["auditLogs"]);
    if (!data.ok) return notEvaluated(this.id, data.reason);
    const failures = data.rows.auditLogs.filter(
      (event) =>
        isFailure(event) && isWithinDays(event.activityDateTime, now, thresholds.recentAuditDays),
    );
    const caveat = partialCaveat(data.partial);
    if (failures.length < thresholds.failedAuditEventsMinimum) return passed(this.id, caveat);
    return failed(
      this.id,
      failures.map((event) =>
        auditEvidence(event, `${describeActor(event)}; ${event.resultReason ?? "no reason given"}`),
      ),
      `${failures.length} failed events in ${thresholds.recentAuditDays} days`,
    );
  },
};
