import type { Hono } from "hono";
import type { CloudContext } from "../../context";
import { orderedObjects } from "../collection-index";
import { DIRECTORY_AUDIT, USER_REGISTRATION_DETAILS } from "../entity-types";
import type { GraphEnv } from "../hono-env";
import { auditRetentionDays, requirePremium } from "../licensing";
import type { QueryRules } from "../odata/query-options";
import { collectionFor, endpoint, listResponse, readListQuery, tenantOf } from "./shared";

/** directoryaudit-list.md: $filter (eq, ge, le, startswith), $top, $orderby, skiptoken. */
const AUDIT_RULES: QueryRules = {
  type: DIRECTORY_AUDIT,
  maxTop: 999,
  orderable: ["activityDateTime"],
};

/** authenticationmethodsroot-list-userregistrationdetails.md: $filter and $orderby. */
const REGISTRATION_RULES: QueryRules = { type: USER_REGISTRATION_DETAILS, maxTop: 999 };

const DAY_MS = 24 * 60 * 60 * 1000;

export function registerReportRoutes(api: Hono<GraphEnv>, ctx: CloudContext): void {
  api.get("/auditLogs/directoryAudits", endpoint(ctx, "listDirectoryAudits", "reports"), (c) => {
    const tenant = tenantOf(c);
    const query = readListQuery(c, AUDIT_RULES);
    // Newest first, as the audit log answers; an explicit $orderby wins.
    const objects = query.options.orderBy
      ? collectionFor(tenant, "directoryAudits", query.options)
      : orderedObjects(tenant, "directoryAudits", {
          key: "activityDateTime:d",
          compare: (a, b) =>
            Date.parse(String(b.activityDateTime)) - Date.parse(String(a.activityDateTime)),
        });
    const oldest = ctx.state.clock.now() - auditRetentionDays(tenant) * DAY_MS;
    return listResponse(c, {
      query,
      type: DIRECTORY_AUDIT,
      objects,
      entitySet: "auditLogs/directoryAudits",
      defaultPageSize: 1000,
      extraFilter: (event) => Date.parse(String(event.activityDateTime)) >= oldest,
    });
  });

  api.get(
    "/reports/authenticationMethods/userRegistrationDetails",
    endpoint(ctx, "listUserRegistrationDetails", "reports"),
    (c) => {
      const tenant = tenantOf(c);
      requirePremium(tenant);
      const query = readListQuery(c, REGISTRATION_RULES);
      return listResponse(c, {
        query,
        type: USER_REGISTRATION_DETAILS,
        objects: collectionFor(tenant, "userRegistrationDetails", query.options),
        entitySet: "reports/authenticationMethods/userRegistrationDetails",
        defaultPageSize: 1000,
      });
    },
  );
}
