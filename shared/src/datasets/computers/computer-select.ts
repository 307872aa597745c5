/** The `$select` the computers collector sends for `devices` (Entra ID). */
export const DEVICE_SELECT = [
  "id",
  "deviceId",
  "displayName",
  "operatingSystem",
  "operatingSystemVersion",
  "trustType",
  "isManaged",
  "isCompliant",
  "accountEnabled",
  "approximateLastSignInDateTime",
  "manufacturer",
  "model",
] as const;

/** The `$select` for Intune's `deviceManagement/managedDevices`. */
export const MANAGED_DEVICE_SELECT = [
  "id",
  "azureADDeviceId",
  "deviceName",
  "operatingSystem",
  "osVersion",
  "userPrincipalName",
  "complianceState",
  "lastSyncDateTime",
  "manufacturer",
  "model",
  "serialNumber",
] as const;
