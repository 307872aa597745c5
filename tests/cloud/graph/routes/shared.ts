import type { Context, MiddlewareHandler } from "hono";
import type { CloudContext } from "../../context";
import type { CollectionName, EmulatedTenant, GraphObject } from "../../tenants/model";
import type { GraphCaller } from "../auth";
import { orderedObjects } from "../collection-index";
import type { EntityType } from "../entity-types";
import { throttledError } from "../errors";
import type { GraphEnv } from "../hono-env";
import { buildPage, GRAPH_ORIGIN, resolvePagedQuery } from "../odata/paging";
import { parseQueryOptions, type QueryOptions, type QueryRules } from "../odata/query-options";
import { projectObject } from "../odata/select";
import type { PageCursor } from "../odata/skiptoken";
import { type PermissionKey, requirePermission } from "../permissions";
import { admitRequest, formatRetryAfter, type ThrottleClass } from "../throttling/throttler";

export type GraphContext = Context<GraphEnv>;

/** Graph's JSON content type for OData payloads (as in `samples/batch-response.json`). */
export const ODATA_JSON =
  "application/json;odata.metadata=minimal;odata.streaming=true;IEEE754Compatible=false;charset=utf-8";

export function graphJson(c: GraphContext, body: unknown, status: 200 | 201 = 200): Response {
  return c.body(JSON.stringify(body), status, {
    "Content-Type": ODATA_JSON,
    "OData-Version": "4.0",
  });
}

export type ThrottleRule =
  | "identity"
  | "reports"
  | "secureScore"
  | "intune"
  | "multiTenant"
  | "none";

/**
 * The per-route guard: the caller needs one of the operation's documented permissions, then the
 * request must fit the throttling budget of its regime; admitted requests wait out any injected
 * latency while they hold their (secure score) concurrency slot.
 */
export function endpoint(
  ctx: CloudContext,
  permission: PermissionKey,
  throttle: ThrottleRule,
): MiddlewareHandler<GraphEnv> {
  return async (c, next) => {
    const caller = c.get("caller");
    // Graph charges a request before it authorises it: its 403s carry x-ms-resource-unit too
    // (samples/batch-response.json items 3 and 4).
    const outcome = admitRequest(
      ctx.graph.throttling,
      throttleClassOf(c, throttle),
      {
        appId: caller.appId,
        tenantId: caller.tenant.id,
        userCount: caller.tenant.collections.users.size,
      },
      ctx.state.clock.now(),
    );
    if (!outcome.ok) throw throttledError(formatRetryAfter(outcome.retryAfterMs), outcome.headers);
    for (const [name, value] of Object.entries(outcome.headers)) c.header(name, value);
    try {
      requirePermission(caller, permission);
      const delay = c.get("faultDelayMs");
      if (delay > 0) await new Promise((resolve) => setTimeout(resolve, delay));
      await next();
    } finally {
      outcome.release();
    }
  };
}

function throttleClassOf(c: GraphContext, rule: ThrottleRule): ThrottleClass {
  if (rule !== "identity") return { kind: rule };
  const url = new URL(c.req.url);
  const param = (name: string) => url.searchParams.get(`$${name}`) ?? url.searchParams.get(name);
  const top = param("top");
  return {
    kind: "identity",
    request: {
      method: c.req.method,
      path: c.req.path.split("/").slice(2).join("/"),
      hasSelect: param("select") !== null,
      hasExpand: param("expand") !== null,
      top: top === null ? undefined : Number(top),
    },
  };
}

export function callerOf(c: GraphContext): GraphCaller {
  return c.get("caller");
}

export function tenantOf(c: GraphContext): EmulatedTenant {
  return c.get("caller").tenant;
}

/** `https://graph.microsoft.com/v1.0/$metadata#users(displayName,id)` and friends. */
export function contextUrl(
  c: GraphContext,
  entitySet: string,
  select?: readonly string[],
  suffix = "",
): string {
  const projection = select ? `(${select.join(",")})` : "";
  return `${GRAPH_ORIGIN}/${c.get("version")}/$metadata#${entitySet}${projection}${suffix}`;
}

export interface ListQuery {
  options: QueryOptions;
  cursor: PageCursor | undefined;
  url: URL;
}

/**
 * Options of a list request; on a nextLink they come from inside the `$skiptoken`. Next-page
 * requests count as eventual: SDKs do not repeat `ConsistencyLevel` on them (paging.md).
 */
export function readListQuery(c: GraphContext, rules: QueryRules): ListQuery {
  const requestUrl = new URL(c.req.url);
  const { query, cursor } = resolvePagedQuery(requestUrl);
  const eventual =
    cursor !== undefined || c.req.header("ConsistencyLevel")?.toLowerCase() === "eventual";
  const url = new URL(c.req.path, GRAPH_ORIGIN);
  url.search = query.search;
  return { options: parseQueryOptions(query, rules, eventual), cursor, url };
}

export interface ListResponseArgs {
  query: ListQuery;
  type: EntityType;
  objects: readonly GraphObject[];
  entitySet: string;
  defaultPageSize: number;
  project?: (object: GraphObject) => Record<string, unknown>;
  extraFilter?: (object: GraphObject) => boolean;
  /** Overrides the computed @odata.context. */
  context?: string;
  /** False for collections answered in one page, where `$top` only cuts (secure scores). */
  paged?: boolean;
}

export function listResponse(c: GraphContext, args: ListResponseArgs): Response {
  const { options } = args.query;
  const project =
    args.project ?? ((object: GraphObject) => projectObject(object, args.type, options.select));
  const page = buildPage({
    objects: args.objects,
    options,
    cursor: args.query.cursor,
    defaultPageSize: args.defaultPageSize,
    project,
    url: args.query.url,
    ...(args.extraFilter ? { extraFilter: args.extraFilter } : {}),
  });
  const body: Record<string, unknown> = {
    "@odata.context": args.context ?? contextUrl(c, args.entitySet, options.select),
  };
  if (page.count !== undefined) body["@odata.count"] = page.count;
  if (page.nextLink !== undefined && args.paged !== false) body["@odata.nextLink"] = page.nextLink;
  body.value = page.value;
  return graphJson(c, body);
}

/** A collection in insertion order, or sorted by the request's `$orderby` (cached). */
export function collectionFor(
  tenant: EmulatedTenant,
  collection: CollectionName,
  options: QueryOptions,
): GraphObject[] {
  const orderBy = options.orderBy;
  if (!orderBy || orderBy.length === 0) return orderedObjects(tenant, collection);
  const key = orderBy
    .map((clause) => `${clause.property}:${clause.descending ? "d" : "a"}`)
    .join(",");
  return orderedObjects(tenant, collection, { key, compare: compareBy(orderBy) });
}

export function compareBy(
  orderBy: QueryOptions["orderBy"] & object,
): (a: GraphObject, b: GraphObject) => number {
  return (a, b) => {
    for (const clause of orderBy) {
      const left = a[clause.property];
      const right = b[clause.property];
      const order = compareValues(left, right);
      if (order !== 0) return clause.descending ? -order : order;
    }
    return 0;
  };
}

function compareValues(left: unknown, right: unknown): number {
  if (left === right) return 0;
  if (left === null || left === undefined) return -1;
  if (right === null || right === undefined) return 1;
  if (typeof left === "number" && typeof right === "number") return left - right;
  return String(left).toLowerCase().localeCompare(String(right).toLowerCase());
}

/** Finds an object by id (GUIDs compare case-insensitively). */
export function findById(
  tenant: EmulatedTenant,
  collection: CollectionName,
  id: string,
): GraphObject | undefined {
  const map = tenant.collections[collection];
  return map.get(id) ?? map.get(id.toLowerCase());
}

/** `Prefer: odata.maxpagesize=N` lets a client ask for smaller delta pages. */
export function maxPageSize(c: GraphContext): number | undefined {
  const match = /odata\.maxpagesize=(\d+)/i.exec(c.req.header("Prefer") ?? "");
  return match?.[1] ? Math.max(1, Number(match[1])) : undefined;
}
