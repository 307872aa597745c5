import { type UnavailableCell, unavailable } from "../cells";
import type { ComputerRow } from "../computers";

/*
 * Graph v1.0 has neither host names nor IP addresses for devices: Entra ID's `device` has a display
 * name, and Intune's `managedDevice` a device name and MAC addresses, but no IP. For a Windows
 * device joined to Entra ID (or hybrid joined), the display name is the computer name Windows
 * registered with, i.e. its host name; for phones and registered personal devices it's a label.
 */
export const NO_HOST_NAME = unavailable(
  "Not available from Microsoft Graph: v1.0 has no host name or IP address for devices; only a joined Windows device's name is its host name",
);

export const NO_DISTINGUISHED_NAME_HYBRID = unavailable(
  "Not available from Microsoft Graph: Entra ID does not sync a device's on-premises distinguished name",
);

export const NO_DISTINGUISHED_NAME_CLOUD = unavailable(
  "Not available from Microsoft Graph: only hybrid joined devices have an on-premises distinguished name, and Graph does not return it",
);

function isWindows(operatingSystem: string | null | undefined): boolean {
  return operatingSystem?.toLowerCase().startsWith("windows") ?? false;
}

/** Host name of a device in Entra ID: its display name when that is a Windows computer name. */
export function entraHostName(device: {
  displayName?: string | null | undefined;
  operatingSystem?: string | null | undefined;
  joinType: ComputerRow["joinType"];
}): string | UnavailableCell {
  const joined = device.joinType === "Entra joined" || device.joinType === "Hybrid joined";
  if (joined && isWindows(device.operatingSystem) && device.displayName) return device.displayName;
  return NO_HOST_NAME;
}

/** Host name of a device only Intune knows: Intune's device name is the Windows computer name. */
export function intuneHostName(device: {
  deviceName?: string | null | undefined;
  operatingSystem?: string | null | undefined;
}): string | UnavailableCell {
  if (isWindows(device.operatingSystem) && device.deviceName) return device.deviceName;
  return NO_HOST_NAME;
}

export function distinguishedNameOf(joinType: ComputerRow["joinType"]): UnavailableCell {
  return joinType === "Hybrid joined" ? NO_DISTINGUISHED_NAME_HYBRID : NO_DISTINGUISHED_NAME_CLOUD;
}
