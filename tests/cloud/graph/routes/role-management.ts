import type { Hono } from "hono";
import type { CloudContext } from "../../context";
import type { GraphObject } from "../../tenants/model";
import { directoryTypeOf } from "../delta";
import { ROLE_ASSIGNMENT, ROLE_DEFINITION } from "../entity-types";
import type { GraphEnv } from "../hono-env";
import type { QueryRules } from "../odata/query-options";
import { projectObject } from "../odata/select";
import { directoryObject } from "./groups";
import {
  collectionFor,
  contextUrl,
  endpoint,
  listResponse,
  readListQuery,
  tenantOf,
} from "./shared";

/** rbacapplication-list-roleassignments.md: $filter on principalId/roleDefinitionId, $expand=principal. */
const ASSIGNMENT_RULES: QueryRules = {
  type: ROLE_ASSIGNMENT,
  maxTop: 999,
  expandable: ["principal", "roleDefinition"],
};
const DEFINITION_RULES: QueryRules = { type: ROLE_DEFINITION, maxTop: 999 };

export function registerRoleManagementRoutes(api: Hono<GraphEnv>, ctx: CloudContext): void {
  api.get(
    "/roleManagement/directory/roleAssignments",
    endpoint(ctx, "listRoleAssignments", "identity"),
    (c) => {
      const tenant = tenantOf(c);
      const query = readListQuery(c, ASSIGNMENT_RULES);
      const expand = new Set(query.options.expand ?? []);
      const project = (assignment: GraphObject): Record<string, unknown> => {
        const item = projectObject(assignment, ROLE_ASSIGNMENT, query.options.select);
        if (expand.has("principal")) {
          const principal = directoryObject(tenant, String(assignment.principalId));
          // The expanded principal comes with its stored properties, not the list's default set
          // (samples/roleassignments-list.json shows accountEnabled, imAddresses, userType).
          item.principal = principal
            ? {
                "@odata.type": `#microsoft.graph.${directoryTypeOf(tenant, principal.id)}`,
                ...principal,
              }
            : null;
        }
        if (expand.has("roleDefinition")) {
          item.roleDefinition =
            tenant.collections.roleDefinitions.get(String(assignment.roleDefinitionId)) ?? null;
        }
        return item;
      };
      const expanded = [...expand].map((name) => `${name}()`);
      const projection = [...(query.options.select ?? []), ...expanded];
      return listResponse(c, {
        query,
        type: ROLE_ASSIGNMENT,
        objects: collectionFor(tenant, "roleAssignments", query.options),
        entitySet: "roleManagement/directory/roleAssignments",
        defaultPageSize: 100,
        project,
        context: contextUrl(
          c,
          "roleManagement/directory/roleAssignments",
          projection.length > 0 ? projection : undefined,
        ),
      });
    },
  );

  api.get(
    "/roleManagement/directory/roleDefinitions",
    endpoint(ctx, "listRoleDefinitions", "identity"),
    (c) => {
      const query = readListQuery(c, DEFINITION_RULES);
      return listResponse(c, {
        query,
        type: ROLE_DEFINITION,
        objects: collectionFor(tenantOf(c), "roleDefinitions", query.options),
        entitySet: "roleManagement/directory/roleDefinitions",
        defaultPageSize: 1000,
      });
    },
  );
}
