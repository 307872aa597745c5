import { partialCaveat, requireDatasets } from "../dataset-access";
import { administratorPopulation } from "../principals";
import { notEvaluated } from "../results";
import { judgeInactivity } from "../sign-ins";
import type { Finding } from "../types";

export const inactiveAdmins: Finding = {
  id: "inactive-admins",
  title: "Administrators with no sign-in for 90 days",
  severity: "high",
  whyItMatters:
    "A privileged account nobody uses keeps all its power and none of the attention: nobody notices a strange sign-in or a changed MFA method.",
  howToFix:
    "Remove the role (or make it PIM-eligible) from administrators who no longer need it, and disable accounts of people who left.",
  references: { maester: ["MT.1029"] },
  requires: ["roles", "users"],
  thresholds: ["inactiveDays"],
  evaluate(snapshot, { now, thresholds }) {
    const data = requireDatasets(snapshot, ["roles", "users"]);
    if (!data.ok) return notEvaluated(this.id, data.reason);
    const population = administratorPopulation(data.rows.roles, data.rows.users);
    return judgeInactivity(
      this.id,
      population,
      now,
      thresholds.inactiveDays,
      partialCaveat(data.partial),
    );
  },
};
