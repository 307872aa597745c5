import { partialCaveat, requireDatasets } from "../dataset-access";
import { globalAdministrators, holderEvidence } from "../principals";
import { failIfAny, notEvaluated } from "../results";
import type { Finding } from "../types";

export const globalAdminWithoutAlternateEmail: Finding = {
  id: "global-admin-without-alternate-email",
  title: "Global Administrators without an alternate email",
  severity: "low",
  whyItMatters:
    "Microsoft sends security and service notices to admins' alternate addresses (otherMails) as well; without one, a Global Administrator locked out of the mailbox also misses those warnings and has a harder recovery.",
  howToFix:
    "Set an alternate email address on each Global Administrator (Microsoft 365 admin center > Users > Manage contact information), outside the tenant's own domains.",
  references: {},
  requires: ["roles", "users"],
  evaluate(snapshot) {
    const data = requireDatasets(snapshot, ["roles", "users"]);
    if (!data.ok) return notEvaluated(this.id, data.reason);
    const evidence = globalAdministrators(data.rows.roles, data.rows.users)
      .filter((admin) => admin.user !== undefined && admin.user.otherMails.length === 0)
      .map((admin) => holderEvidence(admin, "Global Administrator; no alternate email"));
    return failIfAny(this.id, evidence, partialCaveat(data.partial));
  },
};
