import {
  type GraphDirectoryAudit,
  graphDirectoryAuditSchema,
  parseGraphObject,
} from "../../graph-types";
import type { AuditLogRow } from "../audit-logs";

/*
 * `auditLogs/directoryAudits` documents $filter, $top, $orderby and paging but not $select, so
 * the collector requests whole records (and filters by activityDateTime).
 */

export function mapAuditLogRows(audits: readonly GraphDirectoryAudit[]): AuditLogRow[] {
  return audits.map((raw) => {
    const audit = parseGraphObject(graphDirectoryAuditSchema, "directoryAudit", raw);
    return {
      id: audit.id,
      activityDateTime: audit.activityDateTime,
      activity: audit.activityDisplayName,
      category: audit.category,
      result: audit.result,
      resultReason: audit.resultReason ?? null,
      loggedByService: audit.loggedByService ?? null,
      correlationId: audit.correlationId ?? null,
      ...initiatorOf(audit.initiatedBy),
      targets: (audit.targetResources ?? []).flatMap((target) => {
        // A user target often has a null displayName but a UPN (see the directoryAudits example).
        const name = target.displayName ?? target.userPrincipalName ?? target.id;
        return name ? [name] : [];
      }),
    };
  });
}

type Initiator = Pick<AuditLogRow, "initiatedBy" | "initiatedByKind" | "initiatedFromIp">;

/** Who acted: a user (by UPN, with the IP they came from) or an app (by name; apps have no IP). */
function initiatorOf(initiatedBy: GraphDirectoryAudit["initiatedBy"]): Initiator {
  const user = initiatedBy?.user;
  if (user && (user.userPrincipalName || user.displayName || user.id)) {
    return {
      initiatedBy: user.userPrincipalName || user.displayName || user.id || null,
      initiatedByKind: "user",
      initiatedFromIp: user.ipAddress || null,
    };
  }
  const app = initiatedBy?.app;
  if (app && (app.displayName || app.servicePrincipalName || app.appId)) {
    return {
      initiatedBy: app.displayName || app.servicePrincipalName || app.appId || null,
      initiatedByKind: "app",
      initiatedFromIp: null,
    };
  }
  return { initiatedBy: null, initiatedByKind: "unknown", initiatedFromIp: null };
}
