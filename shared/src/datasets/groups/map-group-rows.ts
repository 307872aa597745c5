import {
  type GraphGroup,
  graphGroupSchema,
  isTombstone,
  parseGraphObject,
} from "../../graph-types";
import type { GroupRow } from "../groups";

/** The `$select` the groups collector sends. */
export const GROUP_SELECT = [
  "id",
  "displayName",
  "description",
  "mail",
  "groupTypes",
  "mailEnabled",
  "proxyAddresses",
  "resourceBehaviorOptions",
  "securityEnabled",
  "securityIdentifier",
  "onPremisesSecurityIdentifier",
  "onPremisesSyncEnabled",
] as const;

export interface GroupsInput {
  /** Groups read with GROUP_SELECT (a delta round's tombstones are skipped). */
  groups: readonly GraphGroup[];
  /**
   * Member counts by group id (`groups/{id}/members/$count`), where collected. Not derived from
   * `members@delta`, which after the first delta round lists only the changes.
   */
  memberCounts?: ReadonlyMap<string, number>;
}

export function mapGroupRows(input: GroupsInput): GroupRow[] {
  const rows: GroupRow[] = [];
  for (const raw of input.groups) {
    if (isTombstone(raw)) continue;
    const group = parseGraphObject(graphGroupSchema, "group", raw);
    const groupTypes = group.groupTypes ?? [];
    rows.push({
      id: group.id,
      displayName: group.displayName ?? null,
      description: group.description ?? null,
      mail: group.mail ?? null,
      groupTypes,
      mailEnabled: group.mailEnabled ?? null,
      proxyAddresses: group.proxyAddresses ?? [],
      resourceBehaviorOptions: group.resourceBehaviorOptions ?? [],
      securityEnabled: group.securityEnabled ?? null,
      // The cloud SID every group has; a group synced from Active Directory also keeps its AD SID.
      securityIdentifier: group.securityIdentifier ?? group.onPremisesSecurityIdentifier ?? null,
      kind: groupKindOf(groupTypes, group.mailEnabled, group.securityEnabled),
      memberCount: input.memberCounts?.get(group.id) ?? null,
      onPremisesSyncEnabled: group.onPremisesSyncEnabled ?? null,
    });
  }
  return rows;
}

/**
 * The group kinds of the admin centers, from groupTypes, mailEnabled and securityEnabled.
 * https://learn.microsoft.com/graph/api/resources/groups-overview#group-types-in-microsoft-entra-id-and-microsoft-graph
 */
export function groupKindOf(
  groupTypes: readonly string[],
  mailEnabled: boolean | null | undefined,
  securityEnabled: boolean | null | undefined,
): string {
  const kind = groupTypes.includes("Unified")
    ? "Microsoft 365"
    : mailEnabled === true && securityEnabled === true
      ? "Mail-enabled security"
      : securityEnabled === true
        ? "Security"
        : mailEnabled === true
          ? "Distribution"
          : "Unknown";
  return groupTypes.includes("DynamicMembership") ? `${kind} (dynamic)` : kind;
}
