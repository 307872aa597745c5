import { partialCaveat, requireDatasets } from "../dataset-access";
import { judgeMfaPopulation } from "../mfa";
import { administratorPopulation } from "../principals";
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
    const population = administratorPopulation(data.rows.roles, data.rows.users);
    return judgeMfaPopulation(this.id, population, partialCaveat(data.partial));
  },
};
