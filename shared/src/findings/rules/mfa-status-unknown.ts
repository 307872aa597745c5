import { partialCaveat, requireDatasets } from "../dataset-access";
import { isEnabledMember, userEvidence } from "../principals";
import { failIfAny, notEvaluated } from "../results";
import type { Finding } from "../types";

export const mfaStatusUnknown: Finding = {
  id: "mfa-status-unknown",
  title: "MFA status unknown (needs Entra ID P1)",
  severity: "info",
  whyItMatters:
    "Without Entra ID P1 Microsoft Graph does not report MFA registration, so these users cannot be shown as protected or unprotected; treating them as either would be a wrong answer.",
  howToFix:
    "License Entra ID P1 (included in Microsoft 365 Business Premium and E3/E5) to read the registration report, or grant UserAuthenticationMethod.Read.All so tenantlens can read each user's methods.",
  references: {},
  requires: ["users"],
  evaluate(snapshot) {
    const data = requireDatasets(snapshot, ["users"]);
    if (!data.ok) return notEvaluated(this.id, data.reason);
    const evidence = data.rows.users
      .filter((user) => isEnabledMember(user) && user.mfa.state === "unknown")
      .map((user) => userEvidence(user, user.mfa.detail));
    return failIfAny(this.id, evidence, partialCaveat(data.partial));
  },
};
