import { SECURE_SCORE_CONTROLS, type SecureScoreControl } from "../catalog/secure-score-controls";
import { DAY_MS, isoDate, isoSeconds } from "../graph-ids";
import type { GraphObject, TenantLicensing } from "../model";
import type { GenerationContext, UserIndex } from "./context";
import { seedObject } from "./context";
import { ADMIN_MFA_CONTROL, DROP_SCORES_AGO, latestScoreMs } from "./score-timeline";

const HISTORY_DAYS = 90;
const ACHIEVED_SHARES: readonly (readonly [number, number])[] = [
  [1, 45],
  [0.5, 20],
  [0, 35],
];
const VENDOR = Object.freeze({
  provider: "SecureScore",
  providerVersion: null,
  subProvider: null,
  vendor: "Microsoft",
});

function achievable(control: SecureScoreControl, licensing: TenantLicensing): boolean {
  switch (control.requires) {
    case "none":
      return true;
    case "entraIdP1":
      return licensing.entraIdP1;
    case "entraIdP2":
      return licensing.entraIdP2;
    case "intune":
      return licensing.intune;
  }
}

/**
 * 90 daily `secureScores` (newest first) and a `secureScoreControlProfile` per control. Each
 * control's share of its max score drifts slowly; with `secureScoreDrop` the admin MFA control
 * (10 points) is lost three days ago.
 */
export function generateSecureScore(
  context: GenerationContext,
  users: UserIndex,
  posture: ReadonlyMap<string, number>,
): void {
  const { tenant, rng, nowMs, spec } = context;
  const controls = SECURE_SCORE_CONTROLS;
  // Fraction achieved per control, today; history walks backwards from it.
  // Controls a Conditional Access policy decides come from `posture`; the rest are drawn.
  const today = controls.map((control) => {
    const decided = posture.get(control.controlName);
    if (decided !== undefined) return decided;
    return achievable(control, tenant.licensing) ? rng.weighted(ACHIEVED_SHARES) : 0;
  });
  if (tenant.securityDefaultsEnabled) {
    // Security defaults require MFA registration and block legacy authentication.
    controls.forEach((control, i) => {
      if (control.controlName === "AdminMFAV2" || control.controlName === "MFARegistrationV2")
        today[i] = 1;
    });
  }
  let droppedIndex = -1;
  if (spec.secureScoreDrop) {
    // The admin MFA policy was switched off (see conditional-access.ts): a 10-point drop.
    droppedIndex = controls.findIndex((control) => control.controlName === ADMIN_MFA_CONTROL);
    today[droppedIndex] = 0;
  }
  const licensedUserCount = users.members.filter(
    (user) => (user.assignedLicenses as unknown[]).length > 0,
  ).length;
  const enabledServices = [
    "HasExchange",
    "HasSharePoint",
    "HasOD4B",
    ...(tenant.licensing.intune ? ["HasInTune"] : []),
  ];
  const maxScore = controls.reduce((sum, control) => sum + control.maxScore, 0);
  const fractions = today.slice();
  const latestMs = latestScoreMs(nowMs);
  for (let day = 0; day < HISTORY_DAYS; day++) {
    const atMs = latestMs - day * DAY_MS;
    // Before the drop the lost control was fully achieved.
    if (droppedIndex >= 0 && day === DROP_SCORES_AGO) fractions[droppedIndex] = 1;
    // Random slips only before the drop window, so a drop stays a drop.
    if (day > DROP_SCORES_AGO && rng.chance(0.08)) {
      const i = rng.int(0, controls.length - 1);
      if (i !== droppedIndex) fractions[i] = Math.max(0, (fractions[i] as number) - 0.5);
    }
    const controlScores = controls.map((control, i) => ({
      controlCategory: control.controlCategory,
      controlName: control.controlName,
      description: control.description,
      score: round((fractions[i] as number) * control.maxScore),
      scoreInPercentage: round((fractions[i] as number) * 100),
      implementationStatus: (fractions[i] as number) >= 1 ? "Completed" : "Not completed",
      lastSynced: isoSeconds(atMs - 3_600_000),
    }));
    const currentScore = round(controlScores.reduce((sum, control) => sum + control.score, 0));
    const score: GraphObject = {
      id: `${tenant.id}_${isoDate(atMs)}`,
      azureTenantId: tenant.id,
      activeUserCount: Math.round(licensedUserCount * 0.9),
      createdDateTime: isoSeconds(atMs),
      currentScore,
      enabledServices,
      licensedUserCount,
      maxScore,
      averageComparativeScores: [
        { basis: "AllTenants", averageScore: round(maxScore * 0.41) },
        { basis: "TotalSeats", averageScore: round(maxScore * 0.45) },
        { basis: "IndustryTypes", averageScore: round(maxScore * 0.43) },
      ],
      controlScores,
      vendorInformation: VENDOR,
    };
    seedObject(tenant, "secureScores", score);
  }
  for (const control of controls)
    seedObject(tenant, "secureScoreControlProfiles", controlProfile(context, control));
}

function round(value: number): number {
  return Math.round(value * 100) / 100;
}

function controlProfile(context: GenerationContext, control: SecureScoreControl): GraphObject {
  const { tenant, nowMs } = context;
  return {
    id: control.controlName,
    azureTenantId: tenant.id,
    actionType: "Config",
    actionUrl: control.actionUrl,
    controlCategory: control.controlCategory,
    title: control.title,
    deprecated: false,
    implementationCost: control.implementationCost,
    lastModifiedDateTime: null,
    maxScore: control.maxScore,
    rank: control.rank,
    remediation: control.remediation,
    remediationImpact: control.remediationImpact,
    service: control.service,
    threats: control.threats,
    tier: control.tier,
    userImpact: control.userImpact,
    complianceInformation: [
      {
        certificationName: "ISO 27001:2013",
        certificationControls: [{ name: "A.9.4.2", url: "" }],
      },
    ],
    controlStateUpdates: [
      {
        assignedTo: null,
        comment: null,
        state: "Default",
        updatedBy: null,
        updatedDateTime: isoSeconds(nowMs - 30 * DAY_MS),
      },
    ],
    vendorInformation: VENDOR,
  };
}
