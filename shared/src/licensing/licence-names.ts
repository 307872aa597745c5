import generatedTable from "./licence-names.generated.json";
import { type LicenceNamesTable, licenceNamesTableSchema } from "./licence-names-table";

export interface LicenceNameLookup {
  /**
   * Microsoft's product name for a SKU, looked up by `skuId` first (stable), then by part number;
   * an SKU the table doesn't know falls back to its part number, which is what Graph gives.
   */
  friendlyName(sku: { skuId: string; skuPartNumber: string }): string;
}

export function createLicenceNameLookup(table: LicenceNamesTable): LicenceNameLookup {
  const bySkuId = new Map<string, string>();
  const byPartNumber = new Map<string, string>();
  const ambiguousPartNumbers = new Set<string>();
  for (const [skuId, partNumber, name] of table.skus) {
    bySkuId.set(skuId.toLowerCase(), name);
    const known = byPartNumber.get(partNumber);
    // Microsoft's CSV reuses a few part numbers for different products (e.g. MCOPSTN5); such a
    // part number names nothing for certain, so it falls back to itself rather than guess.
    if (known !== undefined && known !== name) ambiguousPartNumbers.add(partNumber);
    byPartNumber.set(partNumber, name);
  }
  for (const partNumber of ambiguousPartNumbers) byPartNumber.delete(partNumber);
  return {
    friendlyName: ({ skuId, skuPartNumber }) =>
      bySkuId.get(skuId.toLowerCase()) ?? byPartNumber.get(skuPartNumber) ?? skuPartNumber,
  };
}

let defaultLookup: LicenceNameLookup | undefined;

/** The lookup over the table generated from `../shared/licensing` (see `npm run licences:build`). */
export function licenceNames(): LicenceNameLookup {
  defaultLookup ??= createLicenceNameLookup(licenceNamesTableSchema.parse(generatedTable));
  return defaultLookup;
}
