import { z } from "zod";
import { dateTimeSchema, unavailableCellSchema } from "./cells";

const textOrUnavailable = z.union([z.string(), unavailableCellSchema]);

export const computerRowSchema = z.object({
  /**
   * Entra device object id (`devices.id`); for a device Intune manages that has no Entra device
   * object, the Intune `managedDevice.id` (see `intuneOnly`).
   */
  id: z.string(),
  /** Entra `deviceId`, the key Intune's `azureADDeviceId` refers to. */
  deviceId: z.string().nullable(),
  assetName: z.string().nullable(),
  hostNameOrIp: textOrUnavailable,
  os: z.string().nullable(),
  osVersion: z.string().nullable(),
  distinguishedName: textOrUnavailable,
  intuneManaged: z.boolean(),
  joinType: z.enum(["Entra joined", "Entra registered", "Hybrid joined", "Unknown"]),
  compliant: z.boolean().nullable(),
  lastActivity: dateTimeSchema,
  accountEnabled: z.boolean().nullable(),
  /** Primary user UPN from Intune where managed, else the registered owner where collected. */
  owner: z.string().nullable(),
  manufacturer: z.string().nullable(),
  model: z.string().nullable(),
  /** Intune only: Entra ID keeps no serial numbers. */
  serialNumber: z.string().nullable(),
  /** True for an Intune managed device with no matching Entra device object. */
  intuneOnly: z.boolean(),
});
export type ComputerRow = z.infer<typeof computerRowSchema>;
