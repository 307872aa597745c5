import { z } from "zod";

export const licenceRowSchema = z.object({
  /** `subscribedSku.id` (`{tenantId}_{skuId}`). */
  id: z.string(),
  skuId: z.string(),
  friendlyName: z.string(),
  skuPartNumber: z.string(),
  activeUnits: z.number().int(),
  consumedUnits: z.number().int(),
  warningUnits: z.number().int(),
  suspendedUnits: z.number().int(),
  lockedOutUnits: z.number().int(),
  /** Active minus consumed; negative when over-consumed. */
  unusedUnits: z.number().int(),
  capabilityStatus: z.string(),
  appliesTo: z.string().nullable(),
});
export type LicenceRow = z.infer<typeof licenceRowSchema>;
