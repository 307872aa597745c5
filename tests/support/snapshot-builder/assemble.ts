import type { LicenceRow } from "../../../shared/src/datasets/licences";
import type { RoleRow } from "../../../shared/src/datasets/roles";
import type { SecureScoreRow } from "../../../shared/src/datasets/secure-score";
import type { UserRow } from "../../../shared/src/datasets/users";
import { licenceRow, type TenantDraft } from "./draft";
import { ROLE_CATALOGUE } from "./roles";

/** Role rows for every catalogue role (members or not, as roleDefinitions lists them all). */
export function roleRows(draft: TenantDraft): RoleRow[] {
  return Object.values(ROLE_CATALOGUE).map((role) => {
    const members = draft.roleMembers.get(role.id) ?? [];
    return {
      // Built-in role definitions carry their template id as their id.
      id: role.id,
      displayName: role.name,
      description: role.description,
      roleTemplateId: role.id,
      isBuiltIn: true,
      userCount: new Set(members.filter((m) => m.kind === "user").map((m) => m.id)).size,
      members,
    };
  });
}

/** Users with `assignedRoles` filled from the role memberships, as the users mapper joins them. */
export function userRows(draft: TenantDraft): UserRow[] {
  const rolesByUser = new Map<string, string[]>();
  for (const role of Object.values(ROLE_CATALOGUE)) {
    for (const member of draft.roleMembers.get(role.id) ?? []) {
      rolesByUser.set(member.id, [...(rolesByUser.get(member.id) ?? []), role.name]);
    }
  }
  return draft.users.map((user) => ({ ...user, assignedRoles: rolesByUser.get(user.id) ?? [] }));
}

/** The main SKU with its consumption counted from the users, a free SKU, and planted extras. */
export function licenceRows(draft: TenantDraft): LicenceRow[] {
  const { mainSku } = draft;
  const consumed = draft.users.filter((user) =>
    user.assignedLicenseSkuIds.includes(mainSku.skuId),
  ).length;
  const active = consumed + mainSku.spare;
  return [
    licenceRow(draft, mainSku, active, consumed),
    // Self-service free offers come with 10,000 units (FLOW_FREE in the licensing table).
    licenceRow(
      draft,
      {
        skuId: "f30db892-07e9-47e9-837c-80727f46fd3d",
        skuPartNumber: "FLOW_FREE",
        friendlyName: "Microsoft Power Automate Free",
      },
      10_000,
      draft.random.int(1, 5),
    ),
    ...draft.extraLicences,
  ];
}

/**
 * Today's Secure Score with 30 days of history: a slow climb to today's score, or, with a planted
 * drop, a climb to a peak three days ago and a fall of `recentDrop` points since.
 */
export function secureScoreRow(draft: TenantDraft): SecureScoreRow {
  const { maxScore, ratio, recentDrop, improvementActions } = draft.score;
  const today = Math.round(maxScore * ratio);
  const peak = today + recentDrop;
  const day = (daysAgo: number) => {
    const date = new Date(draft.now.getTime() - daysAgo * 86_400_000);
    return `${date.toISOString().slice(0, 10)}T00:00:00Z`;
  };
  const history = Array.from({ length: 30 }, (_, index) => {
    const daysAgo = 29 - index;
    // One point gained every four days up to the peak, then the planted fall over three days.
    const currentScore =
      daysAgo >= 3
        ? peak - Math.floor((daysAgo - 3) / 4)
        : peak - Math.ceil((recentDrop * (3 - daysAgo)) / 3);
    return { date: day(daysAgo), currentScore, maxScore };
  });
  return {
    id: `${draft.tenantId}_${day(0).slice(0, 10)}`,
    createdDateTime: day(0),
    currentScore: today,
    maxScore,
    percentage: Math.round((today / maxScore) * 10_000) / 100,
    comparisons: [
      { basis: "AllTenants", averageScore: 41.2 },
      { basis: "TotalSeats", averageScore: 46.5 },
    ],
    controlScores: improvementActions.map((action) => ({
      controlName: action.controlName,
      controlCategory: "Identity",
      score: action.currentScore ?? 0,
      maxScore: action.maxScore,
      description: action.title,
    })),
    improvementActions,
    history,
  };
}
