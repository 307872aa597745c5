import type { Hono } from "hono";
import type { CloudContext } from "../../context";
import type { GraphObject } from "../../tenants/model";
import { DEVICE, GROUP, USER } from "../entity-types";
import { badRequest, notFound } from "../errors";
import type { GraphEnv } from "../hono-env";
import { matchesFilter } from "../odata/evaluate-filter";
import { parseQueryOptions, type QueryRules } from "../odata/query-options";
import { directoryObject } from "./groups";
import { endpoint, findById, type GraphContext, tenantOf } from "./shared";

/**
 * `/$count` segments (query-parameters.md, "count parameter"): a plain-text number, only with
 * `ConsistencyLevel: eventual` on directory objects; `$filter` narrows what is counted.
 */
function countResponse(
  c: GraphContext,
  objects: Iterable<GraphObject>,
  rules: QueryRules,
): Response {
  if (c.req.header("ConsistencyLevel")?.toLowerCase() !== "eventual") {
    throw badRequest("$count is not currently supported.");
  }
  const options = parseQueryOptions(new URL(c.req.url), { ...rules, maxTop: undefined }, true);
  let count = 0;
  for (const object of objects)
    if (!options.filter || matchesFilter(options.filter, object)) count++;
  return c.body(String(count), 200, { "Content-Type": "text/plain;charset=utf-8" });
}

export function registerCountRoutes(api: Hono<GraphEnv>, ctx: CloudContext): void {
  api.get("/users/$count", endpoint(ctx, "listUsers", "identity"), (c) =>
    countResponse(c, tenantOf(c).collections.users.values(), {
      type: USER,
      maxTop: undefined,
      directoryQueries: true,
    }),
  );
  api.get("/groups/$count", endpoint(ctx, "listGroups", "identity"), (c) =>
    countResponse(c, tenantOf(c).collections.groups.values(), {
      type: GROUP,
      maxTop: undefined,
      directoryQueries: true,
    }),
  );
  api.get("/devices/$count", endpoint(ctx, "listDevices", "identity"), (c) =>
    countResponse(c, tenantOf(c).collections.devices.values(), {
      type: DEVICE,
      maxTop: undefined,
      directoryQueries: true,
    }),
  );
  api.get("/groups/:id/members/$count", endpoint(ctx, "listGroupMembers", "identity"), (c) => {
    const tenant = tenantOf(c);
    const group = findById(tenant, "groups", c.req.param("id"));
    if (!group) throw notFound(c.req.param("id"));
    const members = (tenant.groupMembers.get(group.id) ?? [])
      .map((id) => directoryObject(tenant, id))
      .filter((object): object is GraphObject => object !== undefined);
    return countResponse(c, members, { type: USER, maxTop: undefined, directoryQueries: true });
  });
}
