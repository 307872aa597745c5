import { z } from "zod";
import { optionalString } from "./fields";

const units = z.number().int();

/** A `microsoft.graph.subscribedSku`. */
export const graphSubscribedSkuSchema = z.looseObject({
  /** "{tenantId}_{skuId}". */
  id: z.string(),
  skuId: z.string(),
  skuPartNumber: z.string(),
  /** "Enabled", "Warning", "Suspended", "Deleted", "LockedOut". */
  capabilityStatus: z.string(),
  appliesTo: optionalString,
  consumedUnits: units,
  prepaidUnits: z.looseObject({
    enabled: units,
    suspended: units,
    warning: units,
    lockedOut: units.nullish(),
  }),
});
export type GraphSubscribedSku = z.input<typeof graphSubscribedSkuSchema>;
