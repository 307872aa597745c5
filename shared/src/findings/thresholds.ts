/**
 * Every number a finding compares against, in one place, with the reason for its default.
 * Callers may override any of them (`computeFindings(snapshot, { thresholds })`).
 */
export interface FindingThresholds {
  /** A user with no sign-in for this many days is inactive (CIS / Microsoft guidance: 90). */
  inactiveDays: number;
  /** A device with no activity for this many days is stale (Microsoft's stale-device guidance: 90). */
  staleDeviceDays: number;
  /** CIS 1.1.3: "between two and four global admins". */
  globalAdminMinimum: number;
  globalAdminMaximum: number;
  /** More distinct users than this holding privileged roles is "too many". */
  privilegedUserMaximum: number;
  /** A SKU has unused seats worth a look when more than this share of its seats is unused… */
  unusedSeatRatio: number;
  /** …or more than this many seats are unused. */
  unusedSeatCount: number;
  /**
   * SKUs with at least this many active units are free, self-service or viral offers
   * (e.g. FLOW_FREE, POWER_BI_STANDARD grant 10,000+ units): their "unused seats" cost nothing.
   */
  freeSkuActiveUnitsFloor: number;
  /** Secure Score below this percentage of the maximum is low. */
  secureScoreMinimumPercent: number;
  /** A drop of at least this many Secure Score points… */
  secureScoreDropPoints: number;
  /** …within this many days is worth an alert. */
  secureScoreDropWindowDays: number;
  /** Audit events from the last this-many days count as "recent". */
  recentAuditDays: number;
  /** This many failed audit events or more in the recent window is "high". */
  failedAuditEventsMinimum: number;
  /** An account created within this many days is "new". */
  newAccountDays: number;
  /** A guest invited more than this many days ago who never signed in is a leftover invitation. */
  guestInvitationGraceDays: number;
}

export const DEFAULT_THRESHOLDS: Readonly<FindingThresholds> = Object.freeze({
  inactiveDays: 90,
  staleDeviceDays: 90,
  globalAdminMinimum: 2,
  globalAdminMaximum: 4,
  privilegedUserMaximum: 10,
  unusedSeatRatio: 0.2,
  unusedSeatCount: 10,
  freeSkuActiveUnitsFloor: 10_000,
  secureScoreMinimumPercent: 50,
  secureScoreDropPoints: 5,
  secureScoreDropWindowDays: 7,
  recentAuditDays: 7,
  failedAuditEventsMinimum: 10,
  newAccountDays: 30,
  guestInvitationGraceDays: 30,
});
