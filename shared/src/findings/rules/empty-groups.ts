import { partialCaveat, requireDatasets } from "../dataset-access";
import { failIfAny, notEvaluated } from "../results";
import type { Finding } from "../types";

export const emptyGroups: Finding = {
  id: "empty-groups",
  title: "Groups with no members",
  severity: "info",
  whyItMatters:
    "Empty groups are usually leftovers; when one is still used in a Conditional Access exclusion, an app assignment or a licence rule, adding a member later has effects nobody remembers.",
  howToFix:
    "Check where each empty group is referenced (Conditional Access, app assignments, group-based licensing) and delete the ones nothing uses.",
  references: {},
  requires: ["groups"],
  evaluate(snapshot) {
    const data = requireDatasets(snapshot, ["groups"]);
    if (!data.ok) return notEvaluated(this.id, data.reason);
    const counted = data.rows.groups.filter((group) => group.memberCount !== null);
    if (data.rows.groups.length > 0 && counted.length === 0) {
      return notEvaluated(this.id, "member counts were not collected");
    }
    // Dynamic groups fill themselves from a rule; an empty one is a rule matching nobody (yet).
    const evidence = counted
      .filter((group) => group.memberCount === 0 && !group.groupTypes.includes("DynamicMembership"))
      .map((group) => ({
        dataset: "groups" as const,
        rowId: group.id,
        label: group.displayName ?? group.id,
        detail: `${group.kind}; 0 members`,
      }));
    return failIfAny(this.id, evidence, partialCaveat(data.partial));
  },
};
