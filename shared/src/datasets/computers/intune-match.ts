import type { GraphManagedDevice } from "../../graph-types";

/** Intune reports this `azureADDeviceId` for a device that isn't registered in Entra ID. */
const NOT_REGISTERED_IN_ENTRA = "00000000-0000-0000-0000-000000000000";

/** The Entra `deviceId` a managed device refers to, or null when it refers to none. */
export function entraDeviceIdOf(
  managed: Pick<GraphManagedDevice, "azureADDeviceId">,
): string | null {
  const id = managed.azureADDeviceId?.trim().toLowerCase();
  return id && id !== NOT_REGISTERED_IN_ENTRA ? id : null;
}

/**
 * Indexes managed devices by the Entra `deviceId` they refer to. Intune keys its record on
 * `azureADDeviceId` = Entra `device.deviceId` (not the device's object `id`). A device enrolled
 * twice leaves two records: the one that synced last is the current one.
 */
export function indexManagedDevices<Managed extends GraphManagedDevice>(
  managedDevices: readonly Managed[],
): Map<string, Managed> {
  const byDeviceId = new Map<string, Managed>();
  for (const managed of managedDevices) {
    const deviceId = entraDeviceIdOf(managed);
    if (deviceId === null) continue;
    const known = byDeviceId.get(deviceId);
    if (!known || syncedLater(managed, known)) byDeviceId.set(deviceId, managed);
  }
  return byDeviceId;
}

function syncedLater(a: GraphManagedDevice, b: GraphManagedDevice): boolean {
  return Date.parse(a.lastSyncDateTime ?? "") > Date.parse(b.lastSyncDateTime ?? "");
}
