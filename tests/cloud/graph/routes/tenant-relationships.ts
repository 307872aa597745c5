import type { Hono } from "hono";
import type { CloudContext } from "../../context";
import { DELEGATED_ADMIN_CUSTOMER, DELEGATED_ADMIN_RELATIONSHIP } from "../entity-types";
import type { GraphEnv } from "../hono-env";
import { GRAPH_ORIGIN } from "../odata/paging";
import type { QueryRules } from "../odata/query-options";
import { collectionFor, endpoint, listResponse, readListQuery, tenantOf } from "./shared";

/** tenantrelationship-list-delegatedadmincustomers.md: $top up to 300. */
const CUSTOMER_RULES: QueryRules = {
  type: DELEGATED_ADMIN_CUSTOMER,
  maxTop: 300,
  orderable: ["displayName"],
};

/** tenantrelationship-list-delegatedadminrelationships.md: $top up to 300. */
const RELATIONSHIP_RULES: QueryRules = {
  type: DELEGATED_ADMIN_RELATIONSHIP,
  maxTop: 300,
  orderable: ["displayName"],
};

export function registerTenantRelationshipRoutes(api: Hono<GraphEnv>, ctx: CloudContext): void {
  api.get(
    "/tenantRelationships/delegatedAdminCustomers",
    endpoint(ctx, "listDelegatedAdminCustomers", "multiTenant"),
    (c) => {
      const query = readListQuery(c, CUSTOMER_RULES);
      const projection = query.options.select ? `(${query.options.select.join(",")})` : "";
      return listResponse(c, {
        query,
        type: DELEGATED_ADMIN_CUSTOMER,
        objects: collectionFor(tenantOf(c), "delegatedAdminCustomers", query.options),
        entitySet: "delegatedAdminCustomers",
        defaultPageSize: 100,
        // The documented context uses the tenantRelationships namespace's own $metadata.
        context: `${GRAPH_ORIGIN}/${c.get("version")}/tenantRelationships/$metadata#delegatedAdminCustomers${projection}`,
      });
    },
  );

  api.get(
    "/tenantRelationships/delegatedAdminRelationships",
    endpoint(ctx, "listDelegatedAdminRelationships", "multiTenant"),
    (c) => {
      const query = readListQuery(c, RELATIONSHIP_RULES);
      const projection = query.options.select ? `(${query.options.select.join(",")})` : "";
      return listResponse(c, {
        query,
        type: DELEGATED_ADMIN_RELATIONSHIP,
        objects: collectionFor(tenantOf(c), "delegatedAdminRelationships", query.options),
        entitySet: "delegatedAdminRelationships",
        defaultPageSize: 100,
        context: `${GRAPH_ORIGIN}/${c.get("version")}/tenantRelationships/$metadata#delegatedAdminRelationships${projection}`,
      });
    },
  );
}
