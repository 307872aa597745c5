import { randomBytes } from "node:crypto";
import type { Hono } from "hono";
import type { CloudContext } from "../../context";
import {
  type EmulatedTenant,
  type GraphObject,
  putObject,
  removeObject,
} from "../../tenants/model";
import { APP_ROLE_ASSIGNMENT, SERVICE_PRINCIPAL } from "../entity-types";
import { badRequest, notFound } from "../errors";
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

/** serviceprincipal-list.md: $filter (appId eq …), $top up to 999. */
const SERVICE_PRINCIPAL_RULES: QueryRules = {
  type: SERVICE_PRINCIPAL,
  maxTop: 999,
  directoryQueries: true,
};

export function registerServicePrincipalRoutes(api: Hono<GraphEnv>, ctx: CloudContext): void {
  api.get("/servicePrincipals", endpoint(ctx, "listServicePrincipals", "identity"), (c) => {
    const query = readListQuery(c, SERVICE_PRINCIPAL_RULES);
    return listResponse(c, {
      query,
      type: SERVICE_PRINCIPAL,
      objects: collectionFor(tenantOf(c), "servicePrincipals", query.options),
      entitySet: "servicePrincipals",
      defaultPageSize: 100,
    });
  });

  api.get("/servicePrincipals/:id", endpoint(ctx, "listServicePrincipals", "identity"), (c) => {
    const servicePrincipal = findServicePrincipal(tenantOf(c), c.req.param("id"));
    const options = parseQueryOptions(
      new URL(c.req.url),
      { ...SERVICE_PRINCIPAL_RULES, maxTop: undefined },
      true,
    );
    return graphJson(c, {
      "@odata.context": contextUrl(c, "servicePrincipals", options.select, "/$entity"),
      ...projectObject(servicePrincipal, SERVICE_PRINCIPAL, options.select),
    });
  });

  // serviceprincipal-list-approleassignedto.md: who holds this resource's app roles.
  api.get(
    "/servicePrincipals/:id/appRoleAssignedTo",
    endpoint(ctx, "listAppRoleAssignedTo", "identity"),
    (c) => {
      const tenant = tenantOf(c);
      const resource = findServicePrincipal(tenant, c.req.param("id"));
      const query = readListQuery(c, { type: APP_ROLE_ASSIGNMENT, maxTop: 999 });
      return listResponse(c, {
        query,
        type: APP_ROLE_ASSIGNMENT,
        objects: collectionFor(tenant, "appRoleAssignments", query.options),
        entitySet: `servicePrincipals('${resource.id}')/appRoleAssignedTo`,
        defaultPageSize: 100,
        extraFilter: (assignment) => assignment.resourceId === resource.id,
      });
    },
  );

  // serviceprincipal-post-approleassignedto.md: 201 Created with the assignment.
  api.post(
    "/servicePrincipals/:id/appRoleAssignedTo",
    endpoint(ctx, "createAppRoleAssignment", "identity"),
    async (c) => {
      const tenant = tenantOf(c);
      const resource = findServicePrincipal(tenant, c.req.param("id"));
      const body = (await c.req.json().catch(() => null)) as Record<string, unknown> | null;
      const principalId = body?.principalId;
      const appRoleId = body?.appRoleId;
      if (typeof principalId !== "string" || typeof appRoleId !== "string") {
        throw badRequest(
          "Invalid value specified for property 'principalId' or 'appRoleId' of resource 'AppRoleAssignment'.",
        );
      }
      const principal =
        tenant.collections.servicePrincipals.get(principalId) ??
        tenant.collections.users.get(principalId);
      if (!principal) throw notFound(principalId);
      const assignment = {
        id: randomBytes(32).toString("base64url").slice(0, 43),
        deletedDateTime: null,
        appRoleId,
        createdDateTime: new Date(ctx.state.clock.now()).toISOString().replace(/\.\d+Z$/, "Z"),
        principalDisplayName: String(principal.displayName ?? ""),
        principalId,
        principalType: tenant.collections.users.has(principalId) ? "User" : "ServicePrincipal",
        resourceDisplayName: String(resource.displayName ?? ""),
        resourceId: resource.id,
      };
      putObject(tenant, "appRoleAssignments", assignment);
      return graphJson(
        c,
        {
          "@odata.context": contextUrl(
            c,
            `servicePrincipals('${resource.id}')/appRoleAssignedTo`,
            undefined,
            "/$entity",
          ),
          ...assignment,
        },
        201,
      );
    },
  );

  // serviceprincipal-delete.md: 204 No Content. Deleting the enterprise application also takes
  // its delegated permission grants with it, so the app must be consented again.
  api.delete("/servicePrincipals/:id", endpoint(ctx, "deleteServicePrincipal", "identity"), (c) => {
    const tenant = tenantOf(c);
    const servicePrincipal = findServicePrincipal(tenant, c.req.param("id"));
    deleteServicePrincipal(tenant, servicePrincipal.id);
    return c.body(null, 204);
  });
}

/** Removes a service principal and every oauth2PermissionGrant it is the client or resource of. */
export function deleteServicePrincipal(tenant: EmulatedTenant, servicePrincipalId: string): void {
  for (const grant of [...tenant.collections.oauth2PermissionGrants.values()]) {
    if (grant.clientId === servicePrincipalId || grant.resourceId === servicePrincipalId) {
      removeObject(tenant, "oauth2PermissionGrants", grant.id);
    }
  }
  removeObject(tenant, "servicePrincipals", servicePrincipalId);
}

/** `servicePrincipals/{id}` or the alternate key `servicePrincipals(appId='{appId}')`. */
function findServicePrincipal(tenant: EmulatedTenant, key: string): GraphObject {
  const map = tenant.collections.servicePrincipals;
  const appId = /^appId='?([^']+)'?$/i.exec(key)?.[1]?.toLowerCase();
  if (appId !== undefined) {
    for (const servicePrincipal of map.values()) {
      if (String(servicePrincipal.appId).toLowerCase() === appId) return servicePrincipal;
    }
    throw notFound(key);
  }
  const found = map.get(key) ?? map.get(key.toLowerCase());
  if (!found) throw notFound(key);
  return found;
}
