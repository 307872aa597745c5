import { requireDatasets } from "../dataset-access";
import { dayOf, daysSince } from "../dates";
import { compareText, failed, notEvaluated, passed } from "../results";
import { latestSecureScore, points, scoreEvidence } from "../secure-score";
import type { Finding } from "../types";

export const secureScoreDropped: Finding = {
  id: "secure-score-dropped",
  title: "Secure Score dropped by 5 points or more in 7 days",
  severity: "medium",
  whyItMatters:
    "A sudden drop means a protection was switched off or a new gap appeared (a policy disabled, an admin added without MFA) — exactly the change technicians want to hear about first.",
  howToFix:
    "Open the Secure Score history in Microsoft Defender to see which controls lost points on the day of the drop, and check the audit log for the change behind it.",
  references: {},
  requires: ["secureScore"],
  thresholds: ["secureScoreDropPoints", "secureScoreDropWindowDays"],
  evaluate(snapshot, { thresholds }) {
    const data = requireDatasets(snapshot, ["secureScore"]);
    if (!data.ok) return notEvaluated(this.id, data.reason);
    const history = [...(latestSecureScore(data.rows.secureScore)?.history ?? [])].sort((a, b) =>
      compareText(a.date, b.date),
    );
    const latest = history.at(-1);
    const score = latestSecureScore(data.rows.secureScore);
    if (score === undefined || latest === undefined || history.length < 2) {
      return notEvaluated(this.id, "needs at least two days of Secure Score history");
    }
    const latestDay = new Date(Date.parse(latest.date));
    // The highest score in the window before the latest day: a drop from the peak, not only from
    // the first day, so a spike-then-fall inside the week is caught too.
    const window = history.filter((point) => {
      const age = daysSince(point.date, latestDay);
      return age !== null && age > 0 && age <= thresholds.secureScoreDropWindowDays;
    });
    if (window.length === 0) {
      return notEvaluated(this.id, "no Secure Score history in the 7 days before the latest score");
    }
    const peak = window.reduce((best, point) =>
      point.currentScore > best.currentScore ? point : best,
    );
    const drop = peak.currentScore - latest.currentScore;
    if (drop < thresholds.secureScoreDropPoints) return passed(this.id);
    return failed(this.id, [
      scoreEvidence(
        score,
        `Dropped ${points(drop)} points: ${points(peak.currentScore)} on ${dayOf(peak.date)} → ${points(latest.currentScore)} on ${dayOf(latest.date)}`,
      ),
    ]);
  },
};
