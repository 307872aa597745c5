import { partialCaveat, requireDatasets } from "../dataset-access";
import { judgeMfaPopulation } from "../mfa";
import { isEnabledMember, userEvidence } from "../principals";
import { notEvaluated } from "../results";
import type { Finding } from "../types";

export const usersWithoutMfa: Finding = {
  id: "users-without-mfa",
  title: "Users not registered for MFA",
  severity: "high",
  whyItMatters:
    "Enabled member accounts without a registered second factor can be taken over with a password alone, and an attacker who gets there first can register their own method.",
  howToFix:
    "Run an MFA registration campaign (Entra ID > Authentication methods > Registration campaign) and enforce MFA for all users with Conditional Access or security defaults.",
  references: { cis: ["5.2.2.2", "5.2.3.4"], scuba: ["MS.AAD.3.2v2"], maester: ["MT.1007"] },
  requires: ["users"],
  evaluate(snapshot) {
    const data = requireDatasets(snapshot, ["users"]);
    if (!data.ok) return notEvaluated(this.id, data.reason);
    const population = data.rows.users
      .filter(isEnabledMember)
      .map((user) => ({ user, evidence: (mfa: string) => userEvidence(user, mfa) }));
    return judgeMfaPopulation(this.id, population, partialCaveat(data.partial));
  },
};
