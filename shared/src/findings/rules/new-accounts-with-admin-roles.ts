import { partialCaveat, requireDatasets } from "../dataset-access";
import { dayOf, isWithinDays } from "../dates";
import { holderEvidence, privilegedUsers } from "../principals";
import { failIfAny, notEvaluated } from "../results";
import type { Finding } from "../types";

export const newAccountsWithAdminRoles: Finding = {
  id: "new-accounts-with-admin-roles",
  title: "Recently created accounts holding privileged roles",
  severity: "medium",
  whyItMatters:
    "Creating a fresh account and giving it a role is a classic persistence step after a compromise; legitimate or not, a new admin should be one somebody expected.",
  howToFix:
    "Confirm each new admin with the customer; if nobody asked for it, disable the account, remove the role and investigate who created it (audit log: Add user, Add member to role).",
  references: {},
  requires: ["roles", "users"],
  thresholds: ["newAccountDays"],
  evaluate(snapshot, { now, thresholds }) {
    const data = requireDatasets(snapshot, ["roles", "users"]);
    if (!data.ok) return notEvaluated(this.id, data.reason);
    const evidence = privilegedUsers(data.rows.roles, data.rows.users).flatMap((holder) => {
      const createdOn = holder.user?.createdOn;
      if (createdOn == null || !isWithinDays(createdOn, now, thresholds.newAccountDays)) return [];
      return [holderEvidence(holder, `Created ${dayOf(createdOn)}; ${holder.roles.join(", ")}`)];
    });
    return failIfAny(this.id, evidence, partialCaveat(data.partial));
  },
};
