import {
  type GraphManagedDevice,
  graphDeviceSchema,
  graphManagedDeviceSchema,
  isTombstone,
  parseGraphObject,
} from "../../graph-types";
import type { ComputerRow } from "../computers";
import { latestDateTime } from "../date-times";
import type { ComputersInput } from "./computers-input";
import { entraDeviceIdOf, indexManagedDevices } from "./intune-match";
import { joinTypeOf } from "./join-type";
import { distinguishedNameOf, entraHostName, intuneHostName } from "./network-identity";

/**
 * One row per Entra ID device, joined with its Intune record; plus one row per Intune managed
 * device that has no Entra device object (so no managed device goes missing from the report).
 */
export function mapComputerRows(input: ComputersInput): ComputerRow[] {
  const managedDevices = (input.managedDevices ?? []).map((raw) =>
    parseGraphObject(graphManagedDeviceSchema, "managedDevice", raw),
  );
  const managedByDeviceId = indexManagedDevices(managedDevices);
  const matched = new Set<GraphManagedDevice>();

  const rows: ComputerRow[] = [];
  for (const raw of input.devices) {
    if (isTombstone(raw)) continue;
    const device = parseGraphObject(graphDeviceSchema, "device", raw);
    const managed = device.deviceId
      ? managedByDeviceId.get(device.deviceId.trim().toLowerCase())
      : undefined;
    if (managed) matched.add(managed);
    const joinType = joinTypeOf(device.trustType);
    rows.push({
      id: device.id,
      deviceId: device.deviceId ?? null,
      assetName: device.displayName ?? null,
      hostNameOrIp: entraHostName({ ...device, joinType }),
      os: device.operatingSystem ?? managed?.operatingSystem ?? null,
      osVersion: device.operatingSystemVersion ?? managed?.osVersion ?? null,
      distinguishedName: distinguishedNameOf(joinType),
      intuneManaged: managed !== undefined || device.isManaged === true,
      joinType,
      compliant: device.isCompliant ?? compliantOf(managed?.complianceState),
      lastActivity: latestDateTime(device.approximateLastSignInDateTime, managed?.lastSyncDateTime),
      accountEnabled: device.accountEnabled ?? null,
      owner: text(managed?.userPrincipalName) ?? input.registeredOwners?.get(device.id) ?? null,
      // The published devices-list example capitalises these two keys; see GraphDevice.
      manufacturer: text(device.manufacturer ?? device.Manufacturer ?? managed?.manufacturer),
      model: text(device.model ?? device.Model ?? managed?.model),
      serialNumber: text(managed?.serialNumber),
      intuneOnly: false,
    });
  }

  for (const managed of managedDevices) {
    if (matched.has(managed)) continue;
    rows.push({
      id: managed.id,
      // All zeros means "not registered in Entra ID": there is no Entra device id to show.
      deviceId: entraDeviceIdOf(managed) === null ? null : (managed.azureADDeviceId ?? null),
      assetName: managed.deviceName ?? null,
      hostNameOrIp: intuneHostName(managed),
      os: managed.operatingSystem ?? null,
      osVersion: managed.osVersion ?? null,
      distinguishedName: distinguishedNameOf("Unknown"),
      intuneManaged: true,
      joinType: "Unknown",
      compliant: compliantOf(managed.complianceState),
      lastActivity: managed.lastSyncDateTime ?? null,
      accountEnabled: null,
      owner: text(managed.userPrincipalName),
      manufacturer: text(managed.manufacturer),
      model: text(managed.model),
      serialNumber: text(managed.serialNumber),
      intuneOnly: true,
    });
  }
  return rows;
}

/**
 * Intune's `complianceState`: "inGracePeriod" is non-compliant with time left to fix it;
 * "unknown", "conflict", "error" and "configManager" say nothing either way.
 */
function compliantOf(state: string | null | undefined): boolean | null {
  if (state === "compliant") return true;
  if (state === "noncompliant" || state === "inGracePeriod") return false;
  return null;
}

/** Intune returns "" rather than null for values it doesn't have (a userless device's UPN). */
function text(value: string | null | undefined): string | null {
  return value ? value : null;
}
