import { optionalRows, partialCaveat, requireDatasets } from "../dataset-access";
import { userEvidence } from "../principals";
import { failIfAny, notEvaluated } from "../results";
import type { Finding } from "../types";

export const disabledUsersWithLicences: Finding = {
  id: "disabled-users-with-licences",
  title: "Disabled users holding licences",
  severity: "low",
  whyItMatters:
    "Licences assigned to blocked accounts are paid for every month and do nobody any good; they often belong to leavers whose offboarding stopped half-way.",
  howToFix:
    "Remove the licences (or convert the mailbox to a shared mailbox first if its content must be kept) and finish the offboarding.",
  references: {},
  requires: ["users"],
  evaluate(snapshot) {
    const data = requireDatasets(snapshot, ["users"]);
    if (!data.ok) return notEvaluated(this.id, data.reason);
    // Friendly names are a courtesy: without the licences dataset the SKU id is shown.
    const skuNames = new Map(
      optionalRows(snapshot, "licences").map((sku) => [sku.skuId, sku.friendlyName]),
    );
    const evidence = data.rows.users
      .filter((user) => user.accountEnabled === false && user.assignedLicenseSkuIds.length > 0)
      .map((user) =>
        userEvidence(
          user,
          `Disabled; licences: ${user.assignedLicenseSkuIds.map((id) => skuNames.get(id) ?? id).join(", ")}`,
        ),
      );
    return failIfAny(this.id, evidence, partialCaveat(data.partial));
  },
};
