import type { ComputerRow } from "../datasets/computers";
import type { Evidence } from "./types";

export function deviceEvidence(device: ComputerRow, detail: string): Evidence {
  return { dataset: "computers", rowId: device.id, label: device.assetName ?? device.id, detail };
}

export function describeDevice(device: ComputerRow): string {
  const os = [device.os, device.osVersion].filter((part) => part !== null).join(" ");
  return [os, device.joinType, device.owner ? `owner ${device.owner}` : null]
    .filter((part) => part !== null && part !== "")
    .join("; ");
}
