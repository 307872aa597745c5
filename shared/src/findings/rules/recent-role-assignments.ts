import { auditEvidence, describeActor, isFailure } from "../audit";
import { partialCaveat, requireDatasets } from "../dataset-access";
import { isWithinDays } from "../dates";
import { failIfAny, notEvaluated } from "../results";
import type { Finding } from "../types";

/**
 * Core Directory activity names for role grants ("Add member to role", and PIM's
 * "Add eligible member to role …" variants), per the Entra audit activity reference.
 */
const ROLE_GRANT = /^add (eligible )?member to role/i;

export const recentRoleAssignments: Finding = {
  id: "recent-role-assignments",
  title: "Directory roles granted in the last 7 days",
  severity: "medium",
  whyItMatters:
    "A new role assignment is the moment an account becomes an administrator; reviewing each one catches both mistakes and an attacker promoting a foothold account.",
  howToFix:
    "Confirm each grant with the customer's change record; remove the role from any account nobody can vouch for and check what it did since.",
  references: { scuba: ["MS.AAD.7.7v1"] },
  requires: ["auditLogs"],
  thresholds: ["recentAuditDays"],
  evaluate(snapshot, { now, thresholds }) {
    const data = requireDatasets(snapshot, ["auditLogs"]);
    if (!data.ok) return notEvaluated(this.id, data.reason);
    const evidence = data.rows.auditLogs
      .filter((event) => ROLE_GRANT.test(event.activity) && !isFailure(event))
      .filter((event) => isWithinDays(event.activityDateTime, now, thresholds.recentAuditDays))
      .map((event) => auditEvidence(event, describeActor(event)));
    return failIfAny(this.id, evidence, partialCaveat(data.partial));
  },
};
