import { z } from "zod";

/**
 * The compact friendly-name table generated at build time from Microsoft's "Product names and
 * service plan identifiers for licensing" CSV: one `[skuId, skuPartNumber, friendlyName]` entry per
 * SKU (the CSV has one row per SKU × service plan), so both lookups share one copy of each name.
 */
export const licenceNamesTableSchema = z.object({
  /** File name of the CSV the table was generated from. */
  source: z.string(),
  skus: z.array(z.tuple([z.string(), z.string(), z.string()])),
});
export type LicenceNamesTable = z.infer<typeof licenceNamesTableSchema>;

/** One SKU per line, so a refreshed CSV shows up as a readable diff. */
export function serialiseLicenceNamesTable(table: LicenceNamesTable): string {
  const lines = table.skus.map((entry) => `    ${JSON.stringify(entry)}`);
  return `{\n  "source": ${JSON.stringify(table.source)},\n  "skus": [\n${lines.join(",\n")}\n  ]\n}\n`;
}
