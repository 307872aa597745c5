import { parse } from "csv-parse/sync";
import { z } from "zod";
import type { LicenceNamesTable } from "./licence-names-table";

/*
 * Build-time only: used by scripts/build-licence-names.ts and its up-to-date test, never by the
 * extension or the relay (which read the generated JSON), so csv-parse stays a dev dependency.
 */

const csvRowSchema = z.object({
  Product_Display_Name: z.string(),
  String_Id: z.string(),
  GUID: z.string(),
});

export class LicenceCsvError extends Error {
  override readonly name = "LicenceCsvError";
}

/** Reduces the per-service-plan CSV to one entry per SKU, sorted for a stable generated file. */
export function compileLicenceNames(csvText: string, source: string): LicenceNamesTable {
  // Microsoft's download is UTF-8 with a BOM and CRLF line endings; csv-parse handles both.
  const records: unknown[] = parse(csvText, { columns: true, bom: true, skip_empty_lines: true });
  const bySkuId = new Map<string, [string, string, string]>();
  records.forEach((record, index) => {
    const parsed = csvRowSchema.safeParse(record);
    if (!parsed.success) {
      throw new LicenceCsvError(
        `${source} row ${index + 2}: expected columns Product_Display_Name, String_Id, GUID`,
      );
    }
    const skuId = parsed.data.GUID.trim().toLowerCase();
    const entry: [string, string, string] = [
      skuId,
      parsed.data.String_Id.trim(),
      parsed.data.Product_Display_Name.trim(),
    ];
    const known = bySkuId.get(skuId);
    if (known && (known[1] !== entry[1] || known[2] !== entry[2])) {
      throw new LicenceCsvError(
        `${source} row ${index + 2}: SKU ${skuId} is named both "${known[2]}" (${known[1]}) and "${entry[2]}" (${entry[1]})`,
      );
    }
    bySkuId.set(skuId, entry);
  });
  const skus = [...bySkuId.values()].sort(
    (a, b) => compareOrdinal(a[1], b[1]) || compareOrdinal(a[0], b[0]),
  );
  return { source, skus };
}

function compareOrdinal(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
