import type { Hono } from "hono";
import type { CloudContext } from "../../context";
import { type GraphObject, removeObject } from "../../tenants/model";
import { answerDelta, directoryTypeOf } from "../delta";
import { DEVICE, GROUP, SERVICE_PRINCIPAL, USER } from "../entity-types";
import { notFound } from "../errors";
import type { GraphEnv } from "../hono-env";
import type { QueryRules } from "../odata/query-options";
import { searchPredicate } from "../odata/search";
import { projectObject } from "../odata/select";
import {
  collectionFor,
  endpoint,
  findById,
  graphJson,
  listResponse,
  maxPageSize,
  readListQuery,
  tenantOf,
} from "./shared";

/** group-list.md: $top 1..999 (default page 100); $orderby on displayName. */
const GROUP_RULES: QueryRules = {
  type: GROUP,
  maxTop: 999,
  orderable: ["displayName"],
  directoryQueries: true,
};

/** group-list-members.md returns directoryObjects; $top up to 999. */
const MEMBER_RULES: QueryRules = { type: USER, maxTop: 999, directoryQueries: true };

export function registerGroupRoutes(api: Hono<GraphEnv>, ctx: CloudContext): void {
  api.get("/groups", endpoint(ctx, "listGroups", "identity"), (c) => {
    const query = readListQuery(c, GROUP_RULES);
    return listResponse(c, {
      query,
      type: GROUP,
      objects: collectionFor(tenantOf(c), "groups", query.options),
      entitySet: "groups",
      defaultPageSize: 100,
      ...(query.options.search !== undefined
        ? { extraFilter: searchPredicate(query.options.search, GROUP) }
        : {}),
    });
  });

  api.get("/groups/delta", endpoint(ctx, "groupDelta", "identity"), (c) =>
    graphJson(
      c,
      answerDelta({
        ctx,
        tenant: tenantOf(c),
        spec: {
          collection: "groups",
          type: GROUP,
          entitySet: "groups",
          members: (tenant) => tenant.groupMembers,
          removedReason: "changed",
        },
        url: new URL(c.req.url),
        version: c.get("version"),
        maxPageSize: maxPageSize(c),
      }),
    ),
  );

  api.get("/groups/:id", endpoint(ctx, "listGroups", "identity"), (c) => {
    const group = findById(tenantOf(c), "groups", c.req.param("id"));
    if (!group) throw notFound(c.req.param("id"));
    return graphJson(c, {
      "@odata.context": `https://graph.microsoft.com/${c.get("version")}/$metadata#groups/$entity`,
      ...projectObject(group, GROUP, undefined),
    });
  });

  // group-delete.md: 204; Microsoft 365 groups go to the recycle bin (delta reports "changed").
  api.delete("/groups/:id", endpoint(ctx, "deleteGroup", "identity"), (c) => {
    const tenant = tenantOf(c);
    const group = findById(tenant, "groups", c.req.param("id"));
    if (!group) throw notFound(c.req.param("id"));
    tenant.groupMembers.delete(group.id);
    removeObject(tenant, "groups", group.id);
    return c.body(null, 204);
  });

  api.get("/groups/:id/members", endpoint(ctx, "listGroupMembers", "identity"), (c) => {
    const tenant = tenantOf(c);
    const group = findById(tenant, "groups", c.req.param("id"));
    if (!group) throw notFound(c.req.param("id"));
    const query = readListQuery(c, MEMBER_RULES);
    const members = (tenant.groupMembers.get(group.id) ?? [])
      .map((id) => directoryObject(tenant, id))
      .filter((object): object is GraphObject => object !== undefined);
    return listResponse(c, {
      query,
      type: USER,
      objects: members,
      entitySet: "directoryObjects",
      defaultPageSize: 100,
      project: (object) => projectDirectoryObject(tenant, object, query.options.select),
    });
  });
}

/** A member of a group or role: user, group, device or service principal. */
export function directoryObject(
  tenant: import("../../tenants/model").EmulatedTenant,
  id: string,
): GraphObject | undefined {
  return (
    tenant.collections.users.get(id) ??
    tenant.collections.groups.get(id) ??
    tenant.collections.devices.get(id) ??
    tenant.collections.servicePrincipals.get(id)
  );
}

/** directoryObject collections carry `@odata.type` on every item. */
export function projectDirectoryObject(
  tenant: import("../../tenants/model").EmulatedTenant,
  object: GraphObject,
  select: readonly string[] | undefined,
): Record<string, unknown> {
  const kind = directoryTypeOf(tenant, object.id);
  const type =
    kind === "group"
      ? GROUP
      : kind === "device"
        ? DEVICE
        : kind === "servicePrincipal"
          ? SERVICE_PRINCIPAL
          : USER;
  const selected = select?.filter((name) => type.properties.has(name));
  return { "@odata.type": `#microsoft.graph.${kind}`, ...projectObject(object, type, selected) };
}
