import { partialCaveat, requireDatasets } from "../dataset-access";
import { isPrivilegedRoleTemplate } from "../privileged-roles";
import { failIfAny, notEvaluated } from "../results";
import type { Evidence, Finding } from "../types";

export const servicePrincipalsWithPrivilegedRoles: Finding = {
  id: "service-principals-with-privileged-roles",
  title: "Applications (service principals) holding privileged roles",
  severity: "high",
  whyItMatters:
    "An app holding a privileged role acts without MFA or Conditional Access for users; whoever holds one of its secrets or certificates, or owns the app, holds the role.",
  howToFix:
    "Replace directory roles on apps with the narrowest Graph application permissions they need, remove owners from such apps, and rotate or remove unused credentials.",
  references: {},
  requires: ["roles"],
  evaluate(snapshot) {
    const data = requireDatasets(snapshot, ["roles"]);
    if (!data.ok) return notEvaluated(this.id, data.reason);
    const byPrincipal = new Map<string, { label: string; roles: string[] }>();
    for (const role of data.rows.roles) {
      if (!isPrivilegedRoleTemplate(role.roleTemplateId)) continue;
      for (const member of role.members) {
        if (member.kind !== "servicePrincipal") continue;
        const entry = byPrincipal.get(member.id) ?? {
          label: member.displayName ?? member.identifier ?? member.id,
          roles: [],
        };
        entry.roles.push(role.displayName);
        byPrincipal.set(member.id, entry);
      }
    }
    // Evidence points at the roles dataset: service principals have no row of their own.
    const evidence: Evidence[] = [...byPrincipal].map(([id, entry]) => ({
      dataset: "roles",
      rowId: id,
      label: entry.label,
      detail: `Service principal holding ${entry.roles.join(", ")}`,
    }));
    return failIfAny(this.id, evidence, partialCaveat(data.partial));
  },
};
