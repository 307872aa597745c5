import type { Hono } from "hono";
import type { CloudContext } from "../../context";
import { CONTRACT, SUBSCRIBED_SKU } from "../entity-types";
import type { GraphEnv } from "../hono-env";
import { parseQueryOptions, type QueryRules } from "../odata/query-options";
import { projectObject } from "../odata/select";
import {
  collectionFor,
  contextUrl,
  endpoint,
  graphJson,
  listResponse,
  readListQuery,
  tenantOf,
} from "./shared";

/** contract-list.md: $filter on customerId, defaultDomainName, displayName; $top up to 999. */
const CONTRACT_RULES: QueryRules = { type: CONTRACT, maxTop: 999 };

export function registerDirectoryRoutes(api: Hono<GraphEnv>, ctx: CloudContext): void {
  // subscribedsku-list.md: only $select is supported; one page.
  api.get("/subscribedSkus", endpoint(ctx, "listSubscribedSkus", "identity"), (c) => {
    const options = parseQueryOptions(
      new URL(c.req.url),
      { type: SUBSCRIBED_SKU, maxTop: undefined },
      true,
    );
    const skus = [...tenantOf(c).collections.subscribedSkus.values()];
    return graphJson(c, {
      "@odata.context": contextUrl(c, "subscribedSkus", options.select),
      value: skus.map((sku) => projectObject(sku, SUBSCRIBED_SKU, options.select)),
    });
  });

  api.get("/contracts", endpoint(ctx, "listContracts", "identity"), (c) => {
    const query = readListQuery(c, CONTRACT_RULES);
    return listResponse(c, {
      query,
      type: CONTRACT,
      objects: collectionFor(tenantOf(c), "contracts", query.options),
      entitySet: "contracts",
      defaultPageSize: 100,
    });
  });
}
