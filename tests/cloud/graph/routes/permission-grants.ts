import { randomBytes } from "node:crypto";
import type { Hono } from "hono";
import type { CloudContext } from "../../context";
import { putObject } from "../../tenants/model";
import { OAUTH2_PERMISSION_GRANT } from "../entity-types";
import { badRequest } from "../errors";
import type { GraphEnv } from "../hono-env";
import type { QueryRules } from "../odata/query-options";
import {
  collectionFor,
  contextUrl,
  endpoint,
  graphJson,
  listResponse,
  readListQuery,
  tenantOf,
} from "./shared";

/** oauth2permissiongrant-list.md: $filter on clientId (the client's service principal id). */
const GRANT_RULES: QueryRules = { type: OAUTH2_PERMISSION_GRANT, maxTop: 999 };

export function registerPermissionGrantRoutes(api: Hono<GraphEnv>, ctx: CloudContext): void {
  api.get(
    "/oauth2PermissionGrants",
    endpoint(ctx, "listOAuth2PermissionGrants", "identity"),
    (c) => {
      const query = readListQuery(c, GRANT_RULES);
      return listResponse(c, {
        query,
        type: OAUTH2_PERMISSION_GRANT,
        objects: collectionFor(tenantOf(c), "oauth2PermissionGrants", query.options),
        entitySet: "oauth2PermissionGrants",
        defaultPageSize: 100,
      });
    },
  );

  // oauth2permissiongrant-post.md: 201 Created with the grant.
  api.post(
    "/oauth2PermissionGrants",
    endpoint(ctx, "createOAuth2PermissionGrant", "identity"),
    async (c) => {
      const tenant = tenantOf(c);
      const body = (await c.req.json().catch(() => null)) as Record<string, unknown> | null;
      if (body === null || typeof body !== "object") throw badRequest("Invalid request body.");
      const text = (name: string): string => {
        const value = body[name];
        if (typeof value !== "string" || value === "")
          throw badRequest(
            `Invalid value specified for property '${name}' of resource 'OAuth2PermissionGrant'.`,
          );
        return value;
      };
      const consentType = text("consentType");
      if (consentType !== "AllPrincipals" && consentType !== "Principal") {
        throw badRequest(
          "Invalid value specified for property 'consentType' of resource 'OAuth2PermissionGrant'.",
        );
      }
      const grant = {
        clientId: text("clientId"),
        consentType,
        id: randomBytes(32).toString("base64url").slice(0, 43),
        principalId: consentType === "Principal" ? text("principalId") : null,
        resourceId: text("resourceId"),
        scope: text("scope"),
      };
      putObject(tenant, "oauth2PermissionGrants", grant);
      return graphJson(
        c,
        {
          "@odata.context": contextUrl(c, "oauth2PermissionGrants", undefined, "/$entity"),
          ...grant,
        },
        201,
      );
    },
  );
}
