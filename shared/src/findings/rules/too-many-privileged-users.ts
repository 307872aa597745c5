import { optionalRows, partialCaveat, requireDatasets } from "../dataset-access";
import { holderEvidence, privilegedUsers } from "../principals";
import { failed, notEvaluated, passed } from "../results";
import type { Finding } from "../types";

export const tooManyPrivilegedUsers: Finding = {
  id: "too-many-privileged-users",
  title: "Too many users holding privileged roles",
  severity: "medium",
  whyItMatters:
    "Every standing admin is an account worth phishing; the more there are, the likelier one is weakly protected, and the harder it is to notice one being misused.",
  howToFix:
    "Review who needs each role, remove the rest, and make the remaining assignments eligible (just-in-time) with Privileged Identity Management where Entra ID P2 is available.",
  references: {},
  requires: ["roles"],
  thresholds: ["privilegedUserMaximum"],
  evaluate(snapshot, { thresholds }) {
    const data = requireDatasets(snapshot, ["roles"]);
    if (!data.ok) return notEvaluated(this.id, data.reason);
    const holders = privilegedUsers(data.rows.roles, optionalRows(snapshot, "users"));
    const caveat = partialCaveat(data.partial);
    if (holders.length <= thresholds.privilegedUserMaximum) return passed(this.id, caveat);
    return failed(
      this.id,
      holders.map((holder) => holderEvidence(holder, holder.roles.join(", "))),
      `${holders.length} privileged users; more than ${thresholds.privilegedUserMaximum}`,
    );
  },
};
