import type { Hono } from "hono";
import type { CloudContext } from "../../context";
import type { EmulatedTenant, GraphObject } from "../../tenants/model";
import { answerDelta } from "../delta";
import {
  AUTHENTICATION_METHOD,
  DIRECTORY_ROLE,
  type EntityType,
  GROUP,
  USER,
} from "../entity-types";
import { GraphError, notFound } from "../errors";
import type { GraphEnv } from "../hono-env";
import { requirePremium } from "../licensing";
import { filterProperties } from "../odata/filter";
import { parseQueryOptions, type QueryOptions, type QueryRules } from "../odata/query-options";
import { searchPredicate } from "../odata/search";
import { projectObject } from "../odata/select";
import { requireSignInActivityPermission } from "../permissions";
import {
  callerOf,
  collectionFor,
  contextUrl,
  endpoint,
  findById,
  type GraphContext,
  graphJson,
  listResponse,
  maxPageSize,
  readListQuery,
  tenantOf,
} from "./shared";

/** Memberships are groups or roles; `$select` may name either's properties. */
const DIRECTORY_OBJECT_MEMBERSHIP: EntityType = {
  name: "microsoft.graph.directoryObject",
  properties: new Set([...GROUP.properties, ...DIRECTORY_ROLE.properties]),
};

/** user-list.md: $top 1..999, default page 100; $orderby on displayName and userPrincipalName. */
export const USER_RULES: QueryRules = {
  type: USER,
  maxTop: 999,
  orderable: ["displayName", "userPrincipalName"],
  directoryQueries: true,
};

export function registerUserRoutes(api: Hono<GraphEnv>, ctx: CloudContext): void {
  api.get("/users", endpoint(ctx, "listUsers", "identity"), (c) => {
    const query = readListQuery(c, USER_RULES);
    guardSignInActivity(c, query.options);
    const tenant = tenantOf(c);
    return listResponse(c, {
      query,
      type: USER,
      objects: collectionFor(tenant, "users", query.options),
      entitySet: "users",
      defaultPageSize: 100,
      ...(query.options.search !== undefined
        ? { extraFilter: searchPredicate(query.options.search, USER) }
        : {}),
    });
  });

  api.get("/users/delta", endpoint(ctx, "userDelta", "identity"), (c) =>
    graphJson(
      c,
      answerDelta({
        ctx,
        tenant: tenantOf(c),
        spec: { collection: "users", type: USER, entitySet: "users", removedReason: "changed" },
        url: new URL(c.req.url),
        version: c.get("version"),
        maxPageSize: maxPageSize(c),
      }),
    ),
  );

  api.get("/users/:id", endpoint(ctx, "getUser", "identity"), (c) => {
    const user = findUser(tenantOf(c), c.req.param("id"));
    return singleUser(c, user);
  });

  api.get("/me", requireDelegated, endpoint(ctx, "getMe", "identity"), (c) =>
    singleUser(c, signedInUser(c)),
  );

  // user-list-memberof.md: groups and directory roles the signed-in user is a direct member of.
  api.get("/me/memberOf", requireDelegated, endpoint(ctx, "listMyMemberOf", "identity"), (c) => {
    const tenant = tenantOf(c);
    const user = signedInUser(c);
    const query = readListQuery(c, { type: DIRECTORY_OBJECT_MEMBERSHIP, maxTop: 999 });
    const memberships: GraphObject[] = [];
    for (const [groupId, members] of tenant.groupMembers) {
      const group = tenant.collections.groups.get(groupId);
      if (group && members.includes(user.id)) memberships.push(group);
    }
    for (const [roleId, members] of tenant.directoryRoleMembers) {
      const role = tenant.collections.directoryRoles.get(roleId);
      if (role && members.includes(user.id)) memberships.push(role);
    }
    return listResponse(c, {
      query,
      type: DIRECTORY_OBJECT_MEMBERSHIP,
      objects: memberships,
      entitySet: "directoryObjects",
      defaultPageSize: 100,
      project: (object) =>
        tenant.collections.groups.has(object.id)
          ? { "@odata.type": "#microsoft.graph.group", ...projectObject(object, GROUP, undefined) }
          : {
              "@odata.type": "#microsoft.graph.directoryRole",
              ...projectObject(object, DIRECTORY_ROLE, undefined),
            },
    });
  });

  api.get(
    "/users/:id/authentication/methods",
    endpoint(ctx, "listAuthenticationMethods", "identity"),
    (c) => {
      const tenant = tenantOf(c);
      const user = findUser(tenant, c.req.param("id"));
      const methods = tenant.authenticationMethods.get(user.id) ?? [];
      return graphJson(c, {
        "@odata.context": contextUrl(c, `users('${user.id}')/authentication/methods`),
        value: methods.map((method) => projectObject(method, AUTHENTICATION_METHOD, undefined)),
      });
    },
  );
}

async function requireDelegated(c: GraphContext, next: () => Promise<void>): Promise<void> {
  if (callerOf(c).kind !== "delegated") {
    throw new GraphError(
      400,
      "BadRequest",
      "/me request is only valid with delegated authentication flow.",
    );
  }
  await next();
}

function signedInUser(c: GraphContext): GraphObject {
  const caller = callerOf(c);
  const user = caller.userId ? findById(caller.tenant, "users", caller.userId) : undefined;
  if (!user) throw notFound(caller.userId ?? "");
  return user;
}

/** `users/{id | userPrincipalName}`. */
export function findUser(tenant: EmulatedTenant, idOrUpn: string): GraphObject {
  const byId = findById(tenant, "users", idOrUpn);
  if (byId) return byId;
  const upn = idOrUpn.toLowerCase();
  for (const user of tenant.collections.users.values()) {
    if (typeof user.userPrincipalName === "string" && user.userPrincipalName.toLowerCase() === upn)
      return user;
  }
  throw notFound(idOrUpn);
}

function singleUser(c: GraphContext, user: GraphObject): Response {
  const options = parseQueryOptions(new URL(c.req.url), { ...USER_RULES, maxTop: undefined }, true);
  guardSignInActivity(c, options);
  return graphJson(c, {
    "@odata.context": contextUrl(c, "users", options.select, "/$entity"),
    ...projectObject(user, USER, options.select),
  });
}

/**
 * `signInActivity` needs AuditLog.Read.All and a P1/P2 tenant (user.md; without premium Graph
 * answers 403 Authentication_RequestFromNonPremiumTenantOrB2CTenant).
 */
function guardSignInActivity(c: GraphContext, options: QueryOptions): void {
  const selected = options.select?.includes("signInActivity") ?? false;
  const filtered = options.filter
    ? filterProperties(options.filter).includes("signInActivity")
    : false;
  if (!selected && !filtered) return;
  requireSignInActivityPermission(callerOf(c));
  requirePremium(tenantOf(c));
}
