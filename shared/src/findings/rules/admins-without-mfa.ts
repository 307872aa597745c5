import { partialCaveat, requireDatasets } from "../dataset-access";
import { judgeMfaPopulation } from "../mfa";
import { holderEvidence, privilegedUsers } from "../principals";
import { notEvaluated } from "../results";
import type { Finding } from "../types";

export const adminsWithoutMfa: Finding = {
  id: "admins-without-mfa",
  title: "Administrators without MFA",
  severity: "critical",
  whyItMatters:
    "A privileged account protected by a password alone is the shortest path to taking over the whole tenant: one phished or sprayed password is enough.",
  howToFix:
    "Register every administrator for MFA (preferably phishing-resistant) and require it with a Conditional Access policy targeting directory roles, or turn on security defaults where there is no Entra ID P1.",
  references: { cis: ["5.2.2.1"], scuba: ["MS.AAD.3.6v1"], maester: ["MT.1006"] },
  requires: ["roles", "users"],
  evaluate(snapshot) {
    const data = requireDatasets(snapshot, ["roles", "users"]);
    if (!data.ok) return notEvaluated(this.id, data.reason);
    const holders = privilegedUsers(data.rows.roles, data.rows.users).filter(
      (holder) => holder.user !== undefined && holder.user.accountEnabled !== false,
    );
    const population = holders.flatMap((holder) =>
      holder.user === undefined
        ? []
        : [
            {
              user: holder.user,
              evidence: (mfa: string) =>
                holderEvidence(holder, `${holder.roles.join(", ")}; ${mfa}`),
            },
          ],
    );
    return judgeMfaPopulation(this.id, population, partialCaveat(data.partial));
  },
};
