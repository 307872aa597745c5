import { partialCaveat, requireDatasets } from "../dataset-access";
import { describeMfa } from "../mfa";
import { hasPasswordPolicy } from "../password-policies";
import { userEvidence } from "../principals";
import { failIfAny, notEvaluated } from "../results";
import type { Finding } from "../types";

export const passwordNeverExpires: Finding = {
  id: "password-never-expires",
  title: "Accounts exempted from password expiry (DisablePasswordExpiration)",
  severity: "low",
  whyItMatters:
    "The per-user flag marks accounts someone deliberately exempted, typically service or shared accounts whose password never changes and is known to several people. Note that CIS 1.3.1 and ScubaGear MS.AAD.6.1v1 recommend non-expiring passwords tenant-wide when MFA is in place: the risk here is the exempted account itself, especially one without MFA.",
  howToFix:
    "Review each exempted account: replace service accounts with managed identities or app registrations, give shared accounts an owner and MFA, and clear the flag (Update-MgUser -PasswordPolicies None) where it no longer serves a purpose.",
  references: {},
  requires: ["users"],
  evaluate(snapshot) {
    const data = requireDatasets(snapshot, ["users"]);
    if (!data.ok) return notEvaluated(this.id, data.reason);
    const evidence = data.rows.users
      .filter((user) => user.accountEnabled !== false)
      .filter((user) => hasPasswordPolicy(user, "DisablePasswordExpiration"))
      .map((user) => userEvidence(user, `DisablePasswordExpiration; ${describeMfa(user.mfa)}`));
    return failIfAny(this.id, evidence, partialCaveat(data.partial));
  },
};
