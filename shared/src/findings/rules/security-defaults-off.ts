import { isUnavailable } from "../../datasets/cells";
import { requireDatasets } from "../dataset-access";
import { failed, notEvaluated, passed } from "../results";
import type { Finding } from "../types";

export const securityDefaultsOff: Finding = {
  id: "security-defaults-off",
  title: "Security defaults off with no sign of Conditional Access (heuristic)",
  severity: "high",
  whyItMatters:
    "Without security defaults or Conditional Access nothing requires MFA or blocks legacy authentication. This is a heuristic: tenantlens does not read Conditional Access policies, so it only fires when the tenant shows no Entra ID P1 (which Conditional Access needs).",
  howToFix:
    "Turn on security defaults (Entra ID > Overview > Properties > Manage security defaults), or license Entra ID P1 and create Conditional Access policies that require MFA for all users.",
  references: { maester: ["MT.1021"] },
  requires: ["users"],
  evaluate(snapshot) {
    const data = requireDatasets(snapshot, ["users"]);
    if (!data.ok) return notEvaluated(this.id, data.reason);
    const users = data.rows.users;
    const enabled = users.find((user) => user.mfa.securityDefaultsEnabled !== null)?.mfa
      .securityDefaultsEnabled;
    if (enabled === undefined || enabled === null) {
      return notEvaluated(this.id, "security defaults state not collected");
    }
    if (enabled) return passed(this.id);
    // Either answer below exists only with Entra ID P1, the licence Conditional Access requires.
    const hasP1 = users.some(
      (user) => user.mfa.source === "registrationDetails" || !isUnavailable(user.lastSignIn),
    );
    if (hasP1) {
      return notEvaluated(
        this.id,
        "security defaults are off and the tenant has Entra ID P1: Conditional Access may enforce MFA, but policies are not collected",
      );
    }
    return failed(this.id, [
      {
        dataset: "users",
        rowId: snapshot.tenantId,
        label: snapshot.tenantDisplayName,
        detail: "Security defaults off; no Entra ID P1, so no Conditional Access",
      },
    ]);
  },
};
