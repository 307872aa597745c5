import { partialCaveat, requireDatasets } from "../dataset-access";
import { isEnabledMember, userEvidence } from "../principals";
import { notEvaluated } from "../results";
import { judgeInactivity } from "../sign-ins";
import type { Finding } from "../types";

export const inactiveUsers: Finding = {
  id: "inactive-users",
  title: "Enabled users with no sign-in for 90 days",
  severity: "medium",
  whyItMatters:
    "Enabled accounts nobody uses are unwatched doors: a compromise goes unnoticed, and they usually hold licences too.",
  howToFix:
    "Confirm with the customer whether each person still needs access; block sign-in, remove licences and delete leavers, or set up an access review for inactive users.",
  references: {},
  requires: ["users"],
  thresholds: ["inactiveDays"],
  evaluate(snapshot, { now, thresholds }) {
    const data = requireDatasets(snapshot, ["users"]);
    if (!data.ok) return notEvaluated(this.id, data.reason);
    const population = data.rows.users
      .filter(isEnabledMember)
      .map((user) => ({ user, evidence: (detail: string) => userEvidence(user, detail) }));
    return judgeInactivity(
      this.id,
      population,
      now,
      thresholds.inactiveDays,
      partialCaveat(data.partial),
    );
  },
};
