import type { Hono } from "hono";
import type { CloudContext } from "../../context";
import { answerDelta } from "../delta";
import { DEVICE, MANAGED_DEVICE } from "../entity-types";
import { notFound } from "../errors";
import type { GraphEnv } from "../hono-env";
import { requireIntune } from "../licensing";
import type { QueryRules } from "../odata/query-options";
import {
  collectionFor,
  endpoint,
  graphJson,
  listResponse,
  maxPageSize,
  readListQuery,
  tenantOf,
} from "./shared";

/** device-list.md: $top 1..999 (default page 100). */
const DEVICE_RULES: QueryRules = {
  type: DEVICE,
  maxTop: 999,
  orderable: ["displayName"],
  directoryQueries: true,
};

/** Intune list pages hold up to 1,000 managed devices. */
const MANAGED_DEVICE_RULES: QueryRules = { type: MANAGED_DEVICE, maxTop: 1000 };

export function registerDeviceRoutes(api: Hono<GraphEnv>, ctx: CloudContext): void {
  api.get("/devices", endpoint(ctx, "listDevices", "identity"), (c) => {
    const query = readListQuery(c, DEVICE_RULES);
    return listResponse(c, {
      query,
      type: DEVICE,
      objects: collectionFor(tenantOf(c), "devices", query.options),
      entitySet: "devices",
      defaultPageSize: 100,
    });
  });

  api.get("/devices/delta", endpoint(ctx, "deviceDelta", "identity"), (c) =>
    graphJson(
      c,
      answerDelta({
        ctx,
        tenant: tenantOf(c),
        spec: {
          collection: "devices",
          type: DEVICE,
          entitySet: "devices",
          removedReason: "deleted",
        },
        url: new URL(c.req.url),
        version: c.get("version"),
        maxPageSize: maxPageSize(c),
      }),
    ),
  );

  api.get("/devices/:id", endpoint(ctx, "listDevices", "identity"), (c) => {
    const tenant = tenantOf(c);
    const id = c.req.param("id");
    const device =
      tenant.collections.devices.get(id) ?? tenant.collections.devices.get(id.toLowerCase());
    if (!device) throw notFound(id);
    return graphJson(c, {
      "@odata.context": `https://graph.microsoft.com/${c.get("version")}/$metadata#devices/$entity`,
      ...device,
    });
  });

  api.get(
    "/deviceManagement/managedDevices",
    endpoint(ctx, "listManagedDevices", "intune"),
    (c) => {
      const tenant = tenantOf(c);
      requireIntune(tenant);
      const query = readListQuery(c, MANAGED_DEVICE_RULES);
      return listResponse(c, {
        query,
        type: MANAGED_DEVICE,
        objects: collectionFor(tenant, "managedDevices", query.options),
        entitySet: "deviceManagement/managedDevices",
        defaultPageSize: 1000,
      });
    },
  );
}
