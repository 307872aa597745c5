import {
  type GraphSecureScore,
  type GraphSecureScoreControlProfile,
  graphSecureScoreControlProfileSchema,
  graphSecureScoreSchema,
  parseGraphObject,
} from "../../graph-types";
import { compareOrdinal } from "../compare";
import type { SecureScoreRow } from "../secure-score";

/** Days of daily history kept; the collector asks for as many daily scores (`$top=90`). */
export const SECURE_SCORE_HISTORY_DAYS = 90;

/*
 * `security/secureScores` documents $count, $filter, $skip and $top but not $select, and the
 * control profiles are small, so both are requested whole.
 */

export interface SecureScoreInput {
  /** Daily `secureScores`, in any order (Graph returns the newest first). */
  secureScores: readonly GraphSecureScore[];
  controlProfiles: readonly GraphSecureScoreControlProfile[];
}

/** One row (the latest score, with its controls, improvement actions and history), or none. */
export function mapSecureScoreRows(input: SecureScoreInput): SecureScoreRow[] {
  const scores = input.secureScores.map((raw) =>
    parseGraphObject(graphSecureScoreSchema, "secureScore", raw),
  );
  const latest = scores.reduce<(typeof scores)[number] | undefined>(
    (newest, score) =>
      !newest || Date.parse(score.createdDateTime) > Date.parse(newest.createdDateTime)
        ? score
        : newest,
    undefined,
  );
  if (!latest) return [];

  const profiles = new Map(
    input.controlProfiles
      .map((raw) =>
        parseGraphObject(graphSecureScoreControlProfileSchema, "secureScoreControlProfile", raw),
      )
      .map((profile) => [profile.id, profile] as const),
  );
  const controlScores = (latest.controlScores ?? []).map((control) => ({
    controlName: control.controlName,
    controlCategory: control.controlCategory ?? null,
    score: control.score,
    maxScore: profiles.get(control.controlName)?.maxScore ?? null,
    description: control.description ?? null,
  }));
  const scoreByControl = new Map(
    controlScores.map((control) => [control.controlName, control.score]),
  );

  return [
    {
      id: latest.id,
      createdDateTime: latest.createdDateTime,
      currentScore: latest.currentScore,
      maxScore: latest.maxScore,
      percentage: percentageOf(latest.currentScore, latest.maxScore),
      comparisons: (latest.averageComparativeScores ?? []).map(({ basis, averageScore }) => ({
        basis,
        averageScore,
      })),
      controlScores,
      improvementActions: [...profiles.values()]
        // Deprecated controls no longer count towards the score: they are not things to do.
        .filter((profile) => profile.deprecated !== true)
        .map((profile) => {
          const currentScore = scoreByControl.get(profile.id) ?? null;
          const maxScore = profile.maxScore ?? null;
          return {
            controlName: profile.id,
            title: profile.title,
            remediation: profile.remediation ?? null,
            userImpact: profile.userImpact ?? null,
            implementationCost: profile.implementationCost ?? null,
            rank: profile.rank ?? null,
            maxScore,
            currentScore,
            service: profile.service ?? null,
            complete: currentScore !== null && maxScore !== null && currentScore >= maxScore,
            deprecated: false,
          };
        })
        .sort(
          (a, b) =>
            (a.rank ?? Number.POSITIVE_INFINITY) - (b.rank ?? Number.POSITIVE_INFINITY) ||
            compareOrdinal(a.title, b.title),
        ),
      history: dailyHistory(scores, latest.createdDateTime),
    },
  ];
}

function percentageOf(current: number, max: number): number {
  const tenths = Math.round((current / max) * 1000);
  // A zero (or vanishingly small) max score has no meaningful percentage; rows hold finite numbers.
  return max > 0 && Number.isFinite(tenths) ? tenths / 10 : 0;
}

/** One point per UTC day (the day's last score), for the 90 days up to the latest score. */
function dailyHistory(
  scores: readonly { createdDateTime: string; currentScore: number; maxScore: number }[],
  latestDateTime: string,
): SecureScoreRow["history"] {
  const latestDay = utcDay(latestDateTime);
  const firstDay = isoDay(
    Date.parse(`${latestDay}T00:00:00Z`) - (SECURE_SCORE_HISTORY_DAYS - 1) * 86_400_000,
  );
  const byDay = new Map<string, (typeof scores)[number]>();
  for (const score of scores) {
    const day = utcDay(score.createdDateTime);
    if (day < firstDay || day > latestDay) continue;
    const known = byDay.get(day);
    if (!known || Date.parse(score.createdDateTime) > Date.parse(known.createdDateTime)) {
      byDay.set(day, score);
    }
  }
  return [...byDay.entries()]
    .sort(([a], [b]) => compareOrdinal(a, b))
    .map(([date, score]) => ({ date, currentScore: score.currentScore, maxScore: score.maxScore }));
}

function utcDay(dateTime: string): string {
  return isoDay(Date.parse(dateTime)) || dateTime.slice(0, 10);
}

/** `yyyy-MM-dd` of an epoch time, or "" outside the range a JavaScript Date can represent. */
function isoDay(time: number): string {
  const date = new Date(time);
  return Number.isNaN(date.getTime()) ? "" : date.toISOString().slice(0, 10);
}
