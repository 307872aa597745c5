import { partialCaveat, requireDatasets } from "../dataset-access";
import { hasPasswordPolicy } from "../password-policies";
import { userEvidence } from "../principals";
import { failIfAny, notEvaluated } from "../results";
import type { Finding } from "../types";

export const weakPasswordsAllowed: Finding = {
  id: "weak-passwords-allowed",
  title: "Accounts allowed weak passwords (DisableStrongPassword)",
  severity: "medium",
  whyItMatters:
    "DisableStrongPassword lets the account use passwords that skip Entra ID's complexity rules, which are the first to fall to password spraying and guessing.",
  howToFix:
    "Clear the flag (Update-MgUser -PasswordPolicies None, or keep only DisablePasswordExpiration where that is intended) and have the user set a new password.",
  references: {},
  requires: ["users"],
  evaluate(snapshot) {
    const data = requireDatasets(snapshot, ["users"]);
    if (!data.ok) return notEvaluated(this.id, data.reason);
    const evidence = data.rows.users
      .filter((user) => user.accountEnabled !== false)
      .filter((user) => hasPasswordPolicy(user, "DisableStrongPassword"))
      .map((user) => userEvidence(user, `passwordPolicies: ${user.passwordPolicies}`));
    return failIfAny(this.id, evidence, partialCaveat(data.partial));
  },
};
