import { partialCaveat, requireDatasets } from "../dataset-access";
import { holderEvidence, privilegedUsers } from "../principals";
import { failIfAny, notEvaluated } from "../results";
import type { Finding } from "../types";

export const syncedAdmins: Finding = {
  id: "synced-admins",
  title: "On-premises synced accounts holding privileged roles",
  severity: "medium",
  whyItMatters:
    "An account synchronised from Active Directory can be taken over from on-premises (password reset, sync rule, compromised domain controller), so a breach of AD becomes a breach of the cloud tenant.",
  howToFix:
    "Give administrators separate cloud-only accounts (user@tenant.onmicrosoft.com) for privileged roles and remove the roles from synced accounts.",
  references: { cis: ["1.1.1"], scuba: ["MS.AAD.7.3v1"], maester: ["MT.1026", "MT.1081"] },
  requires: ["roles", "users"],
  evaluate(snapshot) {
    const data = requireDatasets(snapshot, ["roles", "users"]);
    if (!data.ok) return notEvaluated(this.id, data.reason);
    const evidence = privilegedUsers(data.rows.roles, data.rows.users)
      .filter((holder) => holder.user?.onPremisesSyncEnabled === true)
      .map((holder) =>
        holderEvidence(holder, `Synced from on-premises; ${holder.roles.join(", ")}`),
      );
    return failIfAny(this.id, evidence, partialCaveat(data.partial));
  },
};
