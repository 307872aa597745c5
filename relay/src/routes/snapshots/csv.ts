import type { Context } from "hono";
import type { DatasetId } from "../../../../shared/src/datasets";
import type { AppEnv } from "../../http/app-env";
import { RelayHttpError } from "../../http/errors";
import { readDatasetRows } from "../../snapshots/assemble";
import {
  CSV_EXPORTS,
  type CsvExportId,
  csvExportStream,
  DEFAULT_CSV_EXPORT,
} from "../../snapshots/shared-core";
import { companyFromPath } from "./company-guard";
import { snapshotDatasetFromPath } from "./read";

/**
 * Which CSV of the dataset: its default, or `?export=` naming another export of the same dataset
 * (Secure Score has three: controls, history, summary).
 */
function csvExportFor(datasetId: DatasetId, requested: string | undefined): CsvExportId {
  if (requested === undefined) return DEFAULT_CSV_EXPORT[datasetId];
  const known = Object.keys(CSV_EXPORTS) as CsvExportId[];
  const exportId = known.find((id) => id === requested);
  if (exportId === undefined || CSV_EXPORTS[exportId].dataset !== datasetId) {
    const options = known.filter((id) => CSV_EXPORTS[id].dataset === datasetId);
    throw new RelayHttpError(
      400,
      "invalid_export",
      `Unknown CSV export for ${datasetId}; one of ${options.join(", ")}`,
    );
  }
  return exportId;
}

/** GET …/snapshots/{snapshotId}/datasets/{datasetId}/csv: the shared CSV export, streamed. */
export async function downloadDatasetCsv(c: Context<AppEnv>): Promise<Response> {
  const company = await companyFromPath(c);
  const db = c.get("deps").database.db;
  const { datasetId, record, dataset } = await snapshotDatasetFromPath(c, db, company.id);
  const exportId = csvExportFor(datasetId, c.req.query("export"));
  const rows = await readDatasetRows(db, dataset);
  // Excel needs the BOM to read UTF-8; `?bom=0` leaves it out for scripts.
  const bom = c.req.query("bom") !== "0";
  // Rows were validated as this dataset's rows when pushed; the export's row type follows from
  // the dataset at run time, which TypeScript cannot see.
  const stream = csvExportStream(exportId, rows as never[], { bom });
  const tenant = record.tenantDisplayName.replace(/[^A-Za-z0-9._-]+/g, "_").slice(0, 80);
  const filename = `${tenant}-${CSV_EXPORTS[exportId].fileStem}-${record.capturedAt.slice(0, 10)}.csv`;
  return c.body(stream, 200, {
    "Content-Type": "text/csv; charset=utf-8",
    "Content-Disposition": `attachment; filename="${filename}"`,
  });
}
