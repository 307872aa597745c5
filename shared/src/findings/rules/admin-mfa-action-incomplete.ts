import { requireDatasets } from "../dataset-access";
import { failed, notEvaluated, passed } from "../results";
import { latestSecureScore, points, scoreEvidence } from "../secure-score";
import type { Finding } from "../types";

/** Secure Score control "Ensure multifactor authentication is enabled for all users in administrative roles". */
const ADMIN_MFA_CONTROL = "AdminMFAV2";

export const adminMfaActionIncomplete: Finding = {
  id: "admin-mfa-action-incomplete",
  title: "Secure Score: admin MFA improvement action not complete",
  severity: "high",
  whyItMatters:
    "Microsoft's own assessment (control AdminMFAV2) says some users in administrative roles are not registered for and protected by MFA; it covers signals tenantlens cannot read, such as Conditional Access coverage.",
  howToFix:
    "Open the AdminMFAV2 improvement action in Secure Score to see which admins are not covered, register them for MFA and require it with Conditional Access for directory roles.",
  references: { cis: ["5.2.2.1"] },
  requires: ["secureScore"],
  evaluate(snapshot) {
    const data = requireDatasets(snapshot, ["secureScore"]);
    if (!data.ok) return notEvaluated(this.id, data.reason);
    const score = latestSecureScore(data.rows.secureScore);
    const action = score?.improvementActions.find(
      (candidate) => candidate.controlName === ADMIN_MFA_CONTROL,
    );
    if (score === undefined || action === undefined) {
      return notEvaluated(this.id, `Secure Score has no ${ADMIN_MFA_CONTROL} improvement action`);
    }
    if (action.deprecated) {
      return notEvaluated(this.id, `${ADMIN_MFA_CONTROL} is deprecated in this tenant's profiles`);
    }
    if (action.complete) return passed(this.id);
    const progress =
      action.currentScore !== null && action.maxScore !== null
        ? `${points(action.currentScore)} of ${points(action.maxScore)} points`
        : "not at its maximum";
    return failed(this.id, [scoreEvidence(score, `${action.title}: ${progress}`)]);
  },
};
