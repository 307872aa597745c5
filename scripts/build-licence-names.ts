/**
 * Regenerates shared/src/licensing/licence-names.generated.json from Microsoft's licensing CSV
 * beside the repository (../shared/licensing). The generated file is committed so that the
 * extension builds without that folder. Run: npm run licences:build [path/to/other.csv]
 */
import { readFileSync, writeFileSync } from "node:fs";
import { basename, dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { compileLicenceNames } from "../shared/src/licensing/compile-licence-names";
import { serialiseLicenceNamesTable } from "../shared/src/licensing/licence-names-table";

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const csvPath = resolve(
  process.argv[2] ?? resolve(repoRoot, "../shared/licensing/product-names-service-plans.csv"),
);
const outputPath = resolve(repoRoot, "shared/src/licensing/licence-names.generated.json");

const table = compileLicenceNames(readFileSync(csvPath, "utf8"), basename(csvPath));
writeFileSync(outputPath, serialiseLicenceNamesTable(table));
console.log(`Wrote ${table.skus.length} SKU names from ${csvPath} to ${outputPath}`);
