import type { ComputerRow } from "../computers";

/**
 * `device.trustType` in the words technicians use. https://learn.microsoft.com/graph/api/resources/device
 * "Workplace" = registered (bring your own device), "AzureAd" = cloud joined, "ServerAd" = joined to
 * on-premises Active Directory and to Entra ID (hybrid).
 */
const JOIN_TYPES: Readonly<Record<string, ComputerRow["joinType"]>> = {
  AzureAd: "Entra joined",
  Workplace: "Entra registered",
  ServerAd: "Hybrid joined",
};

export function joinTypeOf(trustType: string | null | undefined): ComputerRow["joinType"] {
  return JOIN_TYPES[trustType ?? ""] ?? "Unknown";
}
