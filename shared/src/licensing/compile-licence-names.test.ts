import { existsSync, readFileSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { compileLicenceNames, LicenceCsvError } from "./compile-licence-names";
import { serialiseLicenceNamesTable } from "./licence-names-table";

const here = dirname(fileURLToPath(import.meta.url));
const microsoftCsv = resolve(here, "../../../../shared/licensing/product-names-service-plans.csv");
const generatedFile = resolve(here, "licence-names.generated.json");

const HEADER =
  "Product_Display_Name,String_Id,GUID,Service_Plan_Name,Service_Plan_Id,Service_Plans_Included_Friendly_Names";

describe("compiling Microsoft's licensing CSV", () => {
  it("keeps one entry per SKU out of the per-service-plan rows, BOM and CRLF included", () => {
    const csv = `\uFEFF${[
      HEADER,
      "Office 365 E5,ENTERPRISEPREMIUM,C7DF2760-2C81-4EF7-B578-5B5392B571DF,EXCHANGE_S_ENTERPRISE,efb87545-963c-4e0d-99df-69c6916d9eb0,EXCHANGE ONLINE (PLAN 2)",
      "Office 365 E5,ENTERPRISEPREMIUM,C7DF2760-2C81-4EF7-B578-5B5392B571DF,TEAMS1,57ff2da0-773e-42df-b2af-ffb7a2317929,MICROSOFT TEAMS",
      '"Microsoft 365 E3, with a comma",SPE_E3,05e9a617-0261-4cee-bb44-138d3ef5d965,TEAMS1,57ff2da0-773e-42df-b2af-ffb7a2317929,MICROSOFT TEAMS',
    ].join("\r\n")}\r\n`;
    expect(compileLicenceNames(csv, "inline.csv")).toEqual({
      source: "inline.csv",
      skus: [
        ["c7df2760-2c81-4ef7-b578-5b5392b571df", "ENTERPRISEPREMIUM", "Office 365 E5"],
        ["05e9a617-0261-4cee-bb44-138d3ef5d965", "SPE_E3", "Microsoft 365 E3, with a comma"],
      ],
    });
  });

  it("rejects a CSV that names one SKU two different ways", () => {
    const csv = [
      HEADER,
      "Office 365 E5,ENTERPRISEPREMIUM,c7df2760-2c81-4ef7-b578-5b5392b571df,A,1,A",
      "Office 365 E5 (renamed),ENTERPRISEPREMIUM,c7df2760-2c81-4ef7-b578-5b5392b571df,B,2,B",
    ].join("\n");
    expect(() => compileLicenceNames(csv, "bad.csv")).toThrow(LicenceCsvError);
    expect(() => compileLicenceNames(csv, "bad.csv")).toThrow(/bad\.csv row 3/);
  });

  it("rejects a CSV without Microsoft's columns", () => {
    expect(() => compileLicenceNames("Name,Sku\nOffice,E5\n", "other.csv")).toThrow(
      /other\.csv row 2: expected columns/,
    );
  });

  it.skipIf(!existsSync(microsoftCsv))(
    "the committed licence-names.generated.json is up to date with ../shared/licensing",
    () => {
      const table = compileLicenceNames(
        readFileSync(microsoftCsv, "utf8"),
        "product-names-service-plans.csv",
      );
      expect(readFileSync(generatedFile, "utf8")).toBe(serialiseLicenceNamesTable(table));
    },
  );
});
