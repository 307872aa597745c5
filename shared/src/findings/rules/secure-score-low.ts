import { requireDatasets } from "../dataset-access";
import { failed, notEvaluated, passed } from "../results";
import { latestSecureScore, points, scoreEvidence } from "../secure-score";
import type { Finding } from "../types";

export const secureScoreLow: Finding = {
  id: "secure-score-low",
  title: "Microsoft Secure Score below 50 %",
  severity: "medium",
  whyItMatters:
    "Secure Score sums the protections Microsoft can see switched on; under half of the achievable points means several basic controls (MFA, legacy authentication, audit) are likely missing.",
  howToFix:
    "Work through the open improvement actions by rank in Microsoft Defender (Exposure management > Secure Score), starting with identity actions of low user impact.",
  references: {},
  requires: ["secureScore"],
  thresholds: ["secureScoreMinimumPercent"],
  evaluate(snapshot, { thresholds }) {
    const data = requireDatasets(snapshot, ["secureScore"]);
    if (!data.ok) return notEvaluated(this.id, data.reason);
    const score = latestSecureScore(data.rows.secureScore);
    if (score === undefined || score.maxScore <= 0) {
      return notEvaluated(this.id, "no Secure Score with a maximum in the snapshot");
    }
    // Computed from the points rather than the row's `percentage`, whose scale (0–1 or 0–100)
    // the mapper decides; points are what Microsoft returns.
    const percent = (score.currentScore / score.maxScore) * 100;
    if (percent >= thresholds.secureScoreMinimumPercent) return passed(this.id);
    return failed(this.id, [
      scoreEvidence(
        score,
        `${points(score.currentScore)} of ${points(score.maxScore)} points (${points(percent)} %)`,
      ),
    ]);
  },
};
