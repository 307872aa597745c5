import { partialCaveat, requireDatasets } from "../dataset-access";
import { userEvidence } from "../principals";
import { failIfAny, notEvaluated } from "../results";
import type { Finding } from "../types";

export const guestsWithRoles: Finding = {
  id: "guests-with-roles",
  title: "Guest accounts holding directory roles",
  severity: "high",
  whyItMatters:
    "A guest's credentials, MFA and lifecycle are controlled by another organisation: a role held by a guest is administration the tenant cannot secure or offboard by itself.",
  howToFix:
    "Remove directory roles from guest accounts; give people who administer the tenant a member account in it (or use GDAP for the MSP's own technicians).",
  references: { maester: ["MT.1025"] },
  requires: ["users"],
  evaluate(snapshot) {
    const data = requireDatasets(snapshot, ["users"]);
    if (!data.ok) return notEvaluated(this.id, data.reason);
    const evidence = data.rows.users
      .filter((user) => user.userType === "Guest" && user.assignedRoles.length > 0)
      .map((user) => userEvidence(user, `Guest holding ${user.assignedRoles.join(", ")}`));
    return failIfAny(this.id, evidence, partialCaveat(data.partial));
  },
};
