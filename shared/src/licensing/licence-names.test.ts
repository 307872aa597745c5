import { describe, expect, it } from "vitest";
import { createLicenceNameLookup, licenceNames } from "./licence-names";

describe("licence friendly names", () => {
  it("names the SKUs of the published subscribedSkus example from the generated table", () => {
    const lookup = licenceNames();
    expect(
      lookup.friendlyName({
        skuId: "c7df2760-2c81-4ef7-b578-5b5392b571df",
        skuPartNumber: "ENTERPRISEPREMIUM",
      }),
    ).toBe("Office 365 E5");
    expect(
      lookup.friendlyName({
        skuId: "d17b27af-3f49-4822-99f9-56a661538792",
        skuPartNumber: "CRMSTANDARD",
      }),
    ).toBe("Microsoft Dynamics CRM Online");
  });

  it("falls back to the part number for a SKU the table does not know", () => {
    expect(
      licenceNames().friendlyName({
        skuId: "11111111-2222-3333-4444-555555555555",
        skuPartNumber: "CONTOSO_NEW_SKU",
      }),
    ).toBe("CONTOSO_NEW_SKU");
  });

  const table = {
    source: "test.csv",
    skus: [
      ["0a0a0a0a-0000-0000-0000-000000000001", "SPE_E3", "Microsoft 365 E3"],
      ["0a0a0a0a-0000-0000-0000-000000000002", "SHARED", "Product One"],
      ["0a0a0a0a-0000-0000-0000-000000000003", "SHARED", "Product Two"],
    ] as [string, string, string][],
  };

  it("prefers the skuId over the part number and ignores the skuId's letter case", () => {
    const lookup = createLicenceNameLookup(table);
    expect(
      lookup.friendlyName({
        skuId: "0A0A0A0A-0000-0000-0000-000000000003",
        skuPartNumber: "SPE_E3",
      }),
    ).toBe("Product Two");
  });

  it("names a SKU by its part number when Graph gives an unknown skuId", () => {
    const lookup = createLicenceNameLookup(table);
    expect(
      lookup.friendlyName({
        skuId: "ffffffff-0000-0000-0000-000000000000",
        skuPartNumber: "SPE_E3",
      }),
    ).toBe("Microsoft 365 E3");
  });

  it("does not guess between two products that share a part number", () => {
    const lookup = createLicenceNameLookup(table);
    expect(
      lookup.friendlyName({
        skuId: "ffffffff-0000-0000-0000-000000000000",
        skuPartNumber: "SHARED",
      }),
    ).toBe("SHARED");
  });
});
