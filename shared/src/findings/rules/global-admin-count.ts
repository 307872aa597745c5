import { optionalRows, partialCaveat, requireDatasets } from "../dataset-access";
import { globalAdministrators, holderEvidence } from "../principals";
import { GLOBAL_ADMINISTRATOR_TEMPLATE_ID } from "../privileged-roles";
import { failed, notEvaluated, passed } from "../results";
import type { Finding } from "../types";

export const globalAdminCount: Finding = {
  id: "global-admin-count",
  title: "Global Administrator count outside the recommended range",
  severity: "high",
  whyItMatters:
    "Fewer than two Global Administrators risks a lock-out when one account is lost; more than a handful multiplies the accounts an attacker can use to own the tenant.",
  howToFix:
    "Keep between two and four Global Administrators (including an emergency-access account) and move day-to-day administration to narrower roles such as User or Exchange Administrator.",
  references: { cis: ["1.1.3"], scuba: ["MS.AAD.7.1v1"], maester: ["MT.1032"] },
  requires: ["roles"],
  thresholds: ["globalAdminMinimum", "globalAdminMaximum"],
  evaluate(snapshot, { thresholds }) {
    const data = requireDatasets(snapshot, ["roles"]);
    if (!data.ok) return notEvaluated(this.id, data.reason);
    const hasRole = data.rows.roles.some(
      (role) => role.roleTemplateId.toLowerCase() === GLOBAL_ADMINISTRATOR_TEMPLATE_ID,
    );
    if (!hasRole)
      return notEvaluated(this.id, "Global Administrator role not in the roles dataset");
    const admins = globalAdministrators(data.rows.roles, optionalRows(snapshot, "users"));
    const { globalAdminMinimum: min, globalAdminMaximum: max } = thresholds;
    if (admins.length >= min && admins.length <= max) {
      return passed(this.id, partialCaveat(data.partial));
    }
    const verdict = admins.length < min ? `fewer than ${min}` : `more than ${max}`;
    return failed(
      this.id,
      admins.map((admin) => holderEvidence(admin, "Global Administrator")),
      `${admins.length} Global Administrators: ${verdict}`,
    );
  },
};
