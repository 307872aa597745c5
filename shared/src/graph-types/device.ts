import { z } from "zod";
import { optionalBoolean, optionalString, removedMarker } from "./fields";

/** A `microsoft.graph.device` (Entra ID device object). */
export const graphDeviceSchema = z.looseObject({
  id: z.string(),
  /** Set by the Device Registration Service; Intune's `azureADDeviceId` refers to this, not to `id`. */
  deviceId: optionalString,
  displayName: optionalString,
  operatingSystem: optionalString,
  operatingSystemVersion: optionalString,
  /** "AzureAd" (Entra joined), "Workplace" (registered), "ServerAd" (hybrid joined). */
  trustType: optionalString,
  isManaged: optionalBoolean,
  isCompliant: optionalBoolean,
  accountEnabled: optionalBoolean,
  approximateLastSignInDateTime: optionalString,
  manufacturer: optionalString,
  model: optionalString,
  /**
   * The published devices-list example spells these `Manufacturer` and `Model` although the v1.0
   * schema names them in lower case; accept both rather than drop the value.
   */
  Manufacturer: optionalString,
  Model: optionalString,
  "@removed": removedMarker,
});
export type GraphDevice = z.input<typeof graphDeviceSchema>;

/** `deviceManagement/managedDevices` item (`microsoft.graph.managedDevice`, Intune). */
export const graphManagedDeviceSchema = z.looseObject({
  id: z.string(),
  /** The Entra `device.deviceId` (not the object id); all zeros when not registered in Entra. */
  azureADDeviceId: optionalString,
  deviceName: optionalString,
  operatingSystem: optionalString,
  osVersion: optionalString,
  /** Primary user. */
  userPrincipalName: optionalString,
  /** "unknown", "compliant", "noncompliant", "conflict", "error", "inGracePeriod", "configManager". */
  complianceState: optionalString,
  lastSyncDateTime: optionalString,
  manufacturer: optionalString,
  model: optionalString,
  serialNumber: optionalString,
});
export type GraphManagedDevice = z.input<typeof graphManagedDeviceSchema>;
