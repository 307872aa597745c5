import { partialCaveat, requireDatasets } from "../dataset-access";
import { holderEvidence, privilegedUsers } from "../principals";
import { failIfAny, notEvaluated } from "../results";
import type { Finding } from "../types";

export const disabledAdmins: Finding = {
  id: "disabled-admins",
  title: "Disabled accounts still holding privileged roles",
  severity: "low",
  whyItMatters:
    "A blocked account keeps its roles: re-enabling it (by mistake, or by anyone with User Administrator) silently restores full privileges, and the role list overstates who can act.",
  howToFix: "Remove the directory roles from disabled accounts as part of offboarding.",
  references: {},
  requires: ["roles", "users"],
  evaluate(snapshot) {
    const data = requireDatasets(snapshot, ["roles", "users"]);
    if (!data.ok) return notEvaluated(this.id, data.reason);
    const evidence = privilegedUsers(data.rows.roles, data.rows.users)
      .filter((holder) => holder.user?.accountEnabled === false)
      .map((holder) => holderEvidence(holder, `Disabled; ${holder.roles.join(", ")}`));
    return failIfAny(this.id, evidence, partialCaveat(data.partial));
  },
};
