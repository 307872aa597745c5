import type { Hono } from "hono";
import type { CloudContext } from "../../context";
import type { EmulatedTenant, GraphObject } from "../../tenants/model";
import { answerDelta } from "../delta";
import { DIRECTORY_ROLE, USER } from "../entity-types";
import { notFound } from "../errors";
import type { GraphEnv } from "../hono-env";
import { parseQueryOptions } from "../odata/query-options";
import { projectObject } from "../odata/select";
import { directoryObject, projectDirectoryObject } from "./groups";
import { contextUrl, endpoint, graphJson, maxPageSize, tenantOf } from "./shared";

/**
 * Activated directory roles and their members. paging.md: directoryRole queries (roles and role
 * members) don't support paging, so these answer in one page.
 */
export function registerDirectoryRoleRoutes(api: Hono<GraphEnv>, ctx: CloudContext): void {
  api.get("/directoryRoles", endpoint(ctx, "listDirectoryRoles", "identity"), (c) => {
    const tenant = tenantOf(c);
    const options = parseQueryOptions(
      new URL(c.req.url),
      { type: DIRECTORY_ROLE, maxTop: undefined, expandable: ["members"] },
      true,
    );
    const expandMembers = options.expand?.includes("members") ?? false;
    const roles = [...tenant.collections.directoryRoles.values()];
    const projection = [...(options.select ?? []), ...(expandMembers ? ["members()"] : [])];
    return graphJson(c, {
      "@odata.context": contextUrl(
        c,
        "directoryRoles",
        projection.length > 0 ? projection : undefined,
      ),
      value: roles.map((role) => {
        const item = projectObject(role, DIRECTORY_ROLE, options.select);
        // directoryrole-list.md: $expand=members lists each role's members as directoryObjects.
        if (expandMembers)
          item.members = membersOf(tenant, role.id).map((member) =>
            projectDirectoryObject(tenant, member, undefined),
          );
        return item;
      }),
    });
  });

  api.get("/directoryRoles/delta", endpoint(ctx, "directoryRoleDelta", "identity"), (c) =>
    graphJson(
      c,
      answerDelta({
        ctx,
        tenant: tenantOf(c),
        spec: {
          collection: "directoryRoles",
          type: DIRECTORY_ROLE,
          entitySet: "directoryRoles",
          members: (tenant) => tenant.directoryRoleMembers,
          removedReason: "deleted",
        },
        url: new URL(c.req.url),
        version: c.get("version"),
        maxPageSize: maxPageSize(c),
      }),
    ),
  );

  api.get("/directoryRoles/:id", endpoint(ctx, "listDirectoryRoles", "identity"), (c) => {
    const role = findRole(tenantOf(c), c.req.param("id"));
    return graphJson(c, {
      "@odata.context": contextUrl(c, "directoryRoles", undefined, "/$entity"),
      ...projectObject(role, DIRECTORY_ROLE, undefined),
    });
  });

  api.get(
    "/directoryRoles/:id/members",
    endpoint(ctx, "listDirectoryRoleMembers", "identity"),
    (c) => {
      const tenant = tenantOf(c);
      const role = findRole(tenant, c.req.param("id"));
      const options = parseQueryOptions(
        new URL(c.req.url),
        { type: USER, maxTop: undefined },
        true,
      );
      const members = (tenant.directoryRoleMembers.get(role.id) ?? [])
        .map((id) => directoryObject(tenant, id))
        .filter((object): object is GraphObject => object !== undefined);
      return graphJson(c, {
        "@odata.context": contextUrl(c, "directoryObjects"),
        value: members.map((member) => projectDirectoryObject(tenant, member, options.select)),
      });
    },
  );
}

/** `directoryRoles/{id}` or `directoryRoles/roleTemplateId={roleTemplateId}` (directoryrole-get.md). */
function findRole(tenant: EmulatedTenant, key: string): GraphObject {
  const roles = tenant.collections.directoryRoles;
  const template = /^roleTemplateId=(.+)$/i.exec(key)?.[1]?.replace(/^'|'$/g, "").toLowerCase();
  if (template !== undefined) {
    for (const role of roles.values()) {
      if (String(role.roleTemplateId).toLowerCase() === template) return role;
    }
    throw notFound(key);
  }
  const role = roles.get(key) ?? roles.get(key.toLowerCase());
  if (!role) throw notFound(key);
  return role;
}

function membersOf(tenant: EmulatedTenant, roleId: string): GraphObject[] {
  return (tenant.directoryRoleMembers.get(roleId) ?? [])
    .map((id) => directoryObject(tenant, id))
    .filter((object): object is GraphObject => object !== undefined);
}
