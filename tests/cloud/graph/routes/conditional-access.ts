import type { Hono } from "hono";
import type { CloudContext } from "../../context";
import { CONDITIONAL_ACCESS_POLICY } from "../entity-types";
import { notFound } from "../errors";
import type { GraphEnv } from "../hono-env";
import { parseQueryOptions, type QueryRules } from "../odata/query-options";
import { projectObject } from "../odata/select";
import {
  collectionFor,
  contextUrl,
  endpoint,
  findById,
  graphJson,
  listResponse,
  readListQuery,
  tenantOf,
} from "./shared";

/** conditionalaccessroot-list-policies.md: $filter, $orderby, $select, $top. */
const POLICY_RULES: QueryRules = {
  type: CONDITIONAL_ACCESS_POLICY,
  maxTop: 999,
  orderable: ["displayName"],
};

export function registerConditionalAccessRoutes(api: Hono<GraphEnv>, ctx: CloudContext): void {
  api.get(
    "/identity/conditionalAccess/policies",
    endpoint(ctx, "listConditionalAccessPolicies", "identity"),
    (c) => {
      const query = readListQuery(c, POLICY_RULES);
      return listResponse(c, {
        query,
        type: CONDITIONAL_ACCESS_POLICY,
        objects: collectionFor(tenantOf(c), "conditionalAccessPolicies", query.options),
        entitySet: "identity/conditionalAccess/policies",
        defaultPageSize: 100,
      });
    },
  );

  api.get(
    "/identity/conditionalAccess/policies/:id",
    endpoint(ctx, "listConditionalAccessPolicies", "identity"),
    (c) => {
      const policy = findById(tenantOf(c), "conditionalAccessPolicies", c.req.param("id"));
      if (!policy) throw notFound(c.req.param("id"));
      const options = parseQueryOptions(
        new URL(c.req.url),
        { ...POLICY_RULES, maxTop: undefined },
        true,
      );
      return graphJson(c, {
        "@odata.context": contextUrl(
          c,
          "identity/conditionalAccess/policies",
          options.select,
          "/$entity",
        ),
        ...projectObject(policy, CONDITIONAL_ACCESS_POLICY, options.select),
      });
    },
  );
}
