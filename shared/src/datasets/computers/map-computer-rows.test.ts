import { describe, expect, it } from "vitest";
import { readGraphSample, readGraphSampleItems } from "../../../../tests/support/graph-samples";
import type { GraphDevice, GraphManagedDevice } from "../../graph-types";
import { isUnavailable } from "../cells";
import { type ComputerRow, computerRowSchema } from "../computers";
import type { ComputersInput } from "./computers-input";
import { mapComputerRows } from "./map-computer-rows";

function computers(overrides: Partial<ComputersInput>): ComputerRow[] {
  const rows = mapComputerRows({ devices: [], managedDevices: null, ...overrides });
  expect(computerRowSchema.array().parse(rows)).toEqual(rows);
  return rows;
}

function reasonOf(cell: ComputerRow["hostNameOrIp"]): string {
  if (!isUnavailable(cell)) throw new Error(`expected an unavailable cell, got ${cell}`);
  return cell.reason;
}

describe("computers from the published Graph samples", () => {
  it("rejects devices-list as published: the doc example has no object id", () => {
    const devices = readGraphSampleItems<GraphDevice>("devices-list");
    expect(() => computers({ devices })).toThrow(
      expect.objectContaining({ entity: "device", objectId: null, field: "id" }),
    );
  });

  it("maps devices-list, reading its capitalised Manufacturer and Model keys", () => {
    // `id` is the device's key and always returned by the service; the doc example shortened it.
    const devices = readGraphSampleItems<GraphDevice>("devices-list").map((device) => ({
      ...device,
      id: "a1b2c3d4-0000-0000-0000-00000000d001",
    }));
    const [row] = computers({ devices });
    expect(row).toMatchObject({
      id: "a1b2c3d4-0000-0000-0000-00000000d001",
      deviceId: "00000000-0000-0000-0000-000000000000",
      assetName: "contoso_Android",
      osVersion: "10.0",
      accountEnabled: true,
      manufacturer: "Google",
      model: "Pixel 3a",
      intuneManaged: false,
      intuneOnly: false,
    });
    expect(reasonOf(row?.hostNameOrIp ?? "")).toMatch(/^Not available from Microsoft Graph: /);
  });

  it("maps device-get without losing a column", () => {
    const device = readGraphSample<GraphDevice>("device-get");
    const [row] = computers({ devices: [device] });
    expect(row).toMatchObject({
      id: "000005c3-b7a6-4c61-89fc-80bf5ccfc366",
      deviceId: "6fa60d52-01e7-4b18-8055-4759461fc16b",
      assetName: "DESKTOP-858MANH",
      os: "Windows",
      osVersion: "10.0.19043.1165",
      accountEnabled: false,
      joinType: "Unknown",
    });
  });

  it("maps managed-devices-list alone as Intune-only devices without losing a column", () => {
    const managedDevices = readGraphSampleItems<GraphManagedDevice>("managed-devices-list");
    const [row] = computers({ managedDevices });
    const [managed] = managedDevices;
    expect(row).toEqual({
      id: managed?.id,
      deviceId: "Azure ADDevice Id value",
      assetName: "Device Name value",
      hostNameOrIp: row?.hostNameOrIp,
      os: "Operating System value",
      osVersion: "Os Version value",
      distinguishedName: row?.distinguishedName,
      intuneManaged: true,
      joinType: "Unknown",
      compliant: true,
      lastActivity: "2017-01-01T00:02:49.3205976-08:00",
      accountEnabled: null,
      owner: "User Principal Name value",
      manufacturer: "Manufacturer value",
      model: "Model value",
      serialNumber: "Serial Number value",
      intuneOnly: true,
    });
    expect(isUnavailable(row?.hostNameOrIp)).toBe(true);
    expect(isUnavailable(row?.distinguishedName)).toBe(true);
  });
});

describe("joining Entra devices with Intune", () => {
  const laptop: GraphDevice = {
    id: "object-id-1",
    deviceId: "6FA60D52-01E7-4B18-8055-4759461FC16B",
    displayName: "LAPTOP-01",
    operatingSystem: "Windows",
    operatingSystemVersion: "10.0.22631.3296",
    trustType: "AzureAd",
    approximateLastSignInDateTime: "2026-03-01T08:00:00Z",
  };
  const laptopInIntune: GraphManagedDevice = {
    id: "intune-1",
    azureADDeviceId: "6fa60d52-01e7-4b18-8055-4759461fc16b",
    deviceName: "LAPTOP-01",
    userPrincipalName: "adele@contoso.com",
    complianceState: "noncompliant",
    lastSyncDateTime: "2026-03-02T08:00:00Z",
    serialNumber: "PF3ABC12",
    manufacturer: "LENOVO",
    model: "20XW",
  };

  it("joins on the Entra deviceId (azureADDeviceId), whatever its letter case", () => {
    const [row, ...others] = computers({ devices: [laptop], managedDevices: [laptopInIntune] });
    expect(others).toEqual([]);
    expect(row).toMatchObject({
      id: "object-id-1",
      intuneManaged: true,
      owner: "adele@contoso.com",
      compliant: false,
      serialNumber: "PF3ABC12",
      manufacturer: "LENOVO",
      lastActivity: "2026-03-02T08:00:00Z",
      intuneOnly: false,
    });
  });

  it("does not join on the device's object id", () => {
    const pointingAtObjectId = { ...laptopInIntune, azureADDeviceId: "object-id-1" };
    const rows = computers({ devices: [laptop], managedDevices: [pointingAtObjectId] });
    expect(
      rows.map(({ id, intuneManaged, intuneOnly }) => ({ id, intuneManaged, intuneOnly })),
    ).toEqual([
      { id: "object-id-1", intuneManaged: false, intuneOnly: false },
      { id: "intune-1", intuneManaged: true, intuneOnly: true },
    ]);
  });

  it("never joins on the all-zero id Intune gives devices not registered in Entra ID", () => {
    const zero = "00000000-0000-0000-0000-000000000000";
    const rows = computers({
      devices: [{ ...laptop, deviceId: zero }],
      managedDevices: [{ ...laptopInIntune, azureADDeviceId: zero }],
    });
    expect(rows.map((row) => row.intuneOnly)).toEqual([false, true]);
    expect(rows[0]?.intuneManaged).toBe(false);
    expect(rows[1]?.deviceId).toBeNull();
  });

  it("takes the most recently synced Intune record of a device enrolled twice", () => {
    const stale = {
      ...laptopInIntune,
      id: "intune-old",
      userPrincipalName: "old@contoso.com",
      lastSyncDateTime: "2025-01-01T00:00:00Z",
    };
    const rows = computers({ devices: [laptop], managedDevices: [laptopInIntune, stale] });
    expect(rows[0]?.owner).toBe("adele@contoso.com");
    expect(rows.filter((row) => row.intuneOnly).map((row) => row.id)).toEqual(["intune-old"]);
  });

  it("counts a device as managed from Entra's isManaged when Intune was not collected", () => {
    const [row] = computers({ devices: [{ ...laptop, isManaged: true, isCompliant: true }] });
    expect(row).toMatchObject({ intuneManaged: true, compliant: true, owner: null });
  });

  it("prefers Entra's isCompliant, which Conditional Access reads, over Intune's state", () => {
    const [row] = computers({
      devices: [{ ...laptop, isCompliant: true }],
      managedDevices: [laptopInIntune],
    });
    expect(row?.compliant).toBe(true);
  });

  it("uses the registered owner where Intune has no primary user", () => {
    const [row] = computers({
      devices: [laptop],
      managedDevices: [{ ...laptopInIntune, userPrincipalName: "" }],
      registeredOwners: new Map([["object-id-1", "owner@contoso.com"]]),
    });
    expect(row?.owner).toBe("owner@contoso.com");
  });
});

describe("join type, host name and distinguished name", () => {
  const base: GraphDevice = { id: "d1", displayName: "PC-0042", operatingSystem: "Windows" };

  it("names the join type from trustType", () => {
    const rows = computers({
      devices: ["AzureAd", "Workplace", "ServerAd", null, "SomethingNew"].map(
        (trustType, index) => ({
          ...base,
          id: `d${index}`,
          trustType,
        }),
      ),
    });
    expect(rows.map((row) => row.joinType)).toEqual([
      "Entra joined",
      "Entra registered",
      "Hybrid joined",
      "Unknown",
      "Unknown",
    ]);
  });

  it("gives a joined Windows device's name as its host name", () => {
    const rows = computers({
      devices: [
        { ...base, trustType: "AzureAd" },
        { ...base, id: "d2", trustType: "ServerAd" },
      ],
    });
    expect(rows.map((row) => row.hostNameOrIp)).toEqual(["PC-0042", "PC-0042"]);
  });

  it("says why there is no host name for registered devices and phones", () => {
    const rows = computers({
      devices: [
        { ...base, trustType: "Workplace" },
        { ...base, id: "d2", operatingSystem: "iOS", trustType: "AzureAd" },
      ],
    });
    for (const row of rows) {
      expect(reasonOf(row.hostNameOrIp)).toMatch(/no host name or IP address/);
    }
  });

  it("says why there is no distinguished name, differently for hybrid and cloud devices", () => {
    const [hybrid, cloud] = computers({
      devices: [
        { ...base, trustType: "ServerAd" },
        { ...base, id: "d2", trustType: "AzureAd" },
      ],
    });
    expect(reasonOf(hybrid?.distinguishedName ?? "")).toMatch(
      /does not sync a device's on-premises distinguished name/,
    );
    expect(reasonOf(cloud?.distinguishedName ?? "")).toMatch(/only hybrid joined devices/);
  });

  it("names the device and field when Graph sends a value of the wrong type", () => {
    expect(() =>
      computers({ devices: [{ ...base, trustType: 3 } as unknown as GraphDevice] }),
    ).toThrow(expect.objectContaining({ entity: "device", objectId: "d1", field: "trustType" }));
  });
});
