import type { DatasetId } from "../datasets";

/**
 * Which arrays in a row Graph returns in no defined order. Those are sorted before hashing, so
 * the same data fetched twice hashes the same; the others keep their order because it means
 * something. Paths are dotted from the row, through arrays (`mfa.methods`, `members`).
 *
 * Every array field of every row schema must be listed in one of the two lists (a test walks the
 * schemas), so a new column cannot silently make hashes order-dependent.
 */
export interface CanonicalRules {
  /** Sets in Graph's eyes: multi-valued properties and collections without an order. */
  unordered: readonly string[];
  /** Sequences whose order is part of the data. */
  ordered: readonly string[];
}

export const CANONICAL_RULES: Readonly<Record<DatasetId, CanonicalRules>> = {
  users: {
    // user.otherMails and the assigned roles/licences are collections; methodsRegistered is a set.
    unordered: ["assignedRoles", "otherMails", "mfa.methods", "assignedLicenseSkuIds"],
    ordered: [],
  },
  computers: { unordered: [], ordered: [] },
  groups: {
    // group.groupTypes, proxyAddresses and resourceBehaviorOptions are String collections.
    unordered: ["groupTypes", "proxyAddresses", "resourceBehaviorOptions"],
    ordered: [],
  },
  licences: { unordered: [], ordered: [] },
  roles: { unordered: ["members"], ordered: [] },
  auditLogs: { unordered: ["targets"], ordered: [] },
  secureScore: {
    unordered: ["comparisons", "controlScores", "improvementActions"],
    // A time series: the mapper orders it by date and the order is the meaning.
    ordered: ["history"],
  },
};
