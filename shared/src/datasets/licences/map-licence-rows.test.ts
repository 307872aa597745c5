import { describe, expect, it } from "vitest";
import { readGraphSampleItems } from "../../../../tests/support/graph-samples";
import type { GraphSubscribedSku } from "../../graph-types";
import { createLicenceNameLookup } from "../../licensing/licence-names";
import { type LicenceRow, licenceRowSchema } from "../licences";
import { type LicencesInput, mapLicenceRows } from "./map-licence-rows";

function licences(input: LicencesInput): LicenceRow[] {
  const rows = mapLicenceRows(input);
  expect(licenceRowSchema.array().parse(rows)).toEqual(rows);
  return rows;
}

describe("licences from the published Graph samples", () => {
  it("maps subscribedskus-list without losing a column, with Microsoft's product names", () => {
    const sample = readGraphSampleItems<GraphSubscribedSku>("subscribedskus-list");
    const rows = licences({ subscribedSkus: sample });
    expect(rows).toEqual(
      sample.map((sku, index) => ({
        id: sku.id,
        skuId: sku.skuId,
        friendlyName: ["Office 365 E5", "Microsoft Dynamics CRM Online"][index],
        skuPartNumber: sku.skuPartNumber,
        activeUnits: sku.prepaidUnits.enabled,
        consumedUnits: sku.consumedUnits,
        warningUnits: sku.prepaidUnits.warning,
        suspendedUnits: sku.prepaidUnits.suspended,
        lockedOutUnits: sku.prepaidUnits.lockedOut,
        unusedUnits: sku.prepaidUnits.enabled - sku.consumedUnits,
        capabilityStatus: sku.capabilityStatus,
        appliesTo: sku.appliesTo,
      })),
    );
    // The suspended CRM subscription: no active seats left, 14 still assigned.
    expect(rows[1]).toMatchObject({
      capabilityStatus: "Suspended",
      suspendedUnits: 25,
      unusedUnits: -14,
    });
  });
});

describe("licence columns", () => {
  const sku: GraphSubscribedSku = {
    id: "tenant_sku",
    skuId: "99999999-0000-0000-0000-000000000001",
    skuPartNumber: "CONTOSO_NEW_SKU",
    capabilityStatus: "Warning",
    consumedUnits: 3,
    prepaidUnits: { enabled: 10, suspended: 0, warning: 10 },
  };

  it("falls back to the part number for a SKU without a friendly name", () => {
    expect(licences({ subscribedSkus: [sku] })[0]?.friendlyName).toBe("CONTOSO_NEW_SKU");
  });

  it("uses the name lookup it is given", () => {
    const names = createLicenceNameLookup({
      source: "test",
      skus: [["99999999-0000-0000-0000-000000000001", "CONTOSO_NEW_SKU", "Contoso Plan"]],
    });
    expect(licences({ subscribedSkus: [sku], names })[0]?.friendlyName).toBe("Contoso Plan");
  });

  it("counts seats in warning and unused seats, and no locked-out seats where Graph predates them", () => {
    expect(licences({ subscribedSkus: [sku] })[0]).toMatchObject({
      activeUnits: 10,
      warningUnits: 10,
      lockedOutUnits: 0,
      unusedUnits: 7,
      appliesTo: null,
    });
  });

  it("names the SKU and field when prepaid units are missing", () => {
    const { prepaidUnits: _, ...withoutUnits } = sku;
    expect(() => mapLicenceRows({ subscribedSkus: [withoutUnits as GraphSubscribedSku] })).toThrow(
      expect.objectContaining({
        entity: "subscribedSku",
        objectId: "tenant_sku",
        field: "prepaidUnits",
      }),
    );
  });
});
