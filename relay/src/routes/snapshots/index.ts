import { type Context, Hono } from "hono";
import { compress } from "hono/compress";
import { type DatasetId, datasetIdSchema } from "../../../../shared/src/datasets";
import { requirePermission } from "../../auth/require";
import type { Db } from "../../db/schema";
import {
  getLatestSnapshot,
  getSnapshot,
  listSnapshots,
  type SnapshotRecord,
} from "../../db/snapshots";
import type { AppEnv } from "../../http/app-env";
import { notFound, RelayHttpError } from "../../http/errors";
import { decodeCursor, encodeCursor, guidParam, isGuid, pageLimit } from "../../http/params";
import {
  assembleEnvelope,
  assembleEnvelopeJson,
  readDatasetRows,
  readDatasetRowsJson,
  summarizeSnapshot,
} from "../../snapshots/assemble";
import {
  CSV_EXPORTS,
  type CsvExportId,
  csvExportStream,
  DEFAULT_CSV_EXPORT,
  diffSnapshots,
} from "../../snapshots/shared-core";
import { companyFromPath } from "./company-guard";
import { pushSnapshot } from "./push";

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

function datasetIdParam(value: string | undefined) {
  const parsed = datasetIdSchema.safeParse(value);
  if (!parsed.success) {
    throw new RelayHttpError(
      400,
      "invalid_dataset_id",
      `Unknown dataset; one of ${datasetIdSchema.options.join(", ")}`,
    );
  }
  return parsed.data;
}

/** Answers JSON already serialised (spliced from stored rows). */
function jsonText(c: Context<AppEnv>, text: string): Response {
  return c.body(text, 200, { "Content-Type": "application/json; charset=utf-8" });
}

/**
 * A whole snapshot, with the snapshot's fingerprint as its ETag: snapshots are immutable,
 * so a client polling "latest" with If-None-Match gets 304 until a newer snapshot arrives,
 * instead of megabytes it already has.
 */
async function envelopeResponse(
  c: Context<AppEnv>,
  db: Db,
  record: SnapshotRecord,
): Promise<Response> {
  // Weak, because the bytes differ by Content-Encoding (RFC 9110 §8.8.3); If-None-Match compares
  // weakly, so a client may echo it with or without the W/ prefix.
  const etag = `W/"${record.fingerprint}"`;
  const ifNoneMatch = c.req.header("if-none-match") ?? "";
  const tags = ifNoneMatch.split(",").map((tag) => tag.trim().replace(/^W\//, ""));
  if (tags.includes(etag.slice(2)) || tags.includes("*")) {
    return c.body(null, 304, { ETag: etag });
  }
  c.header("ETag", etag);
  return jsonText(c, `{"snapshot":${await assembleEnvelopeJson(db, record)}}`);
}

/** Mounted at /v1/companies/:companyId/snapshots. */
export const snapshotRoutes = new Hono<AppEnv>()
  .use("*", compress())
  .get("/", requirePermission("read"), async (c) => {
    const company = await companyFromPath(c);
    const limit = pageLimit(c);
    const before = decodeCursor(c.req.query("cursor"), ["capturedAt", "snapshotId"] as const);
    const records = await listSnapshots(c.get("deps").database.db, company.id, {
      limit,
      ...(before !== undefined && { before }),
    });
    const last = records.at(-1);
    return c.json({
      snapshots: records.map(summarizeSnapshot),
      nextCursor:
        records.length === limit && last !== undefined
          ? encodeCursor({ capturedAt: last.capturedAt, snapshotId: last.snapshotId })
          : null,
    });
  })
  .get("/latest", requirePermission("read"), async (c) => {
    const company = await companyFromPath(c);
    const db = c.get("deps").database.db;
    const latest = await getLatestSnapshot(db, company.id);
    if (latest === undefined) throw notFound("A snapshot of this company");
    return envelopeResponse(c, db, latest);
  })
  .get("/diff", requirePermission("read"), async (c) => {
    const company = await companyFromPath(c);
    const from = c.req.query("from") ?? "";
    const to = c.req.query("to") ?? "";
    if (!isGuid(from) || !isGuid(to)) {
      throw new RelayHttpError(
        400,
        "invalid_snapshot_id",
        "Give ?from=<snapshot id>&to=<snapshot id>",
      );
    }
    const db = c.get("deps").database.db;
    const [older, newer] = await Promise.all([
      getSnapshot(db, company.id, from.toLowerCase()),
      getSnapshot(db, company.id, to.toLowerCase()),
    ]);
    if (older === undefined) throw notFound(`Snapshot ${from}`);
    if (newer === undefined) throw notFound(`Snapshot ${to}`);
    const diff = diffSnapshots(
      await assembleEnvelope(db, older),
      await assembleEnvelope(db, newer),
    );
    return c.json({ from: older.snapshotId, to: newer.snapshotId, diff });
  })
  .put("/:snapshotId", requirePermission("snapshots:push"), pushSnapshot)
  .get("/:snapshotId", requirePermission("read"), async (c) => {
    const company = await companyFromPath(c);
    const db = c.get("deps").database.db;
    const record = await getSnapshot(db, company.id, guidParam(c, "snapshotId", "snapshot id"));
    if (record === undefined) throw notFound("Snapshot");
    return envelopeResponse(c, db, record);
  })
  .get("/:snapshotId/datasets/:datasetId", requirePermission("read"), async (c) => {
    const company = await companyFromPath(c);
    const db = c.get("deps").database.db;
    const datasetId = datasetIdParam(c.req.param("datasetId"));
    const record = await getSnapshot(db, company.id, guidParam(c, "snapshotId", "snapshot id"));
    const dataset = record?.datasets.find((d) => d.datasetId === datasetId);
    if (dataset === undefined) throw notFound(`Dataset ${datasetId} of this snapshot`);
    const head = JSON.stringify({ datasetId, contentHash: dataset.contentHash });
    return jsonText(c, `${head.slice(0, -1)},"rows":${await readDatasetRowsJson(db, dataset)}}`);
  })
  .get("/:snapshotId/datasets/:datasetId/csv", requirePermission("read"), async (c) => {
    const company = await companyFromPath(c);
    const db = c.get("deps").database.db;
    const datasetId = datasetIdParam(c.req.param("datasetId"));
    const record = await getSnapshot(db, company.id, guidParam(c, "snapshotId", "snapshot id"));
    const dataset = record?.datasets.find((d) => d.datasetId === datasetId);
    if (record === undefined || dataset === undefined)
      throw notFound(`Dataset ${datasetId} of this snapshot`);
    const exportId = csvExportFor(datasetId, c.req.query("export"));
    const rows = await readDatasetRows(db, dataset);
    // Excel needs the BOM to read UTF-8; `?bom=0` leaves it out for scripts.
    const bom = c.req.query("bom") !== "0";
    // Rows were validated as this dataset's rows when pushed; the export's row type follows from
    // the dataset at run time, which TypeScript cannot see.
    const stream = csvExportStream(exportId, rows as never[], { bom });
    const filename = `${record.tenantDisplayName.replace(/[^A-Za-z0-9._-]+/g, "_").slice(0, 80)}-${CSV_EXPORTS[exportId].fileStem}-${record.capturedAt.slice(0, 10)}.csv`;
    return c.body(stream, 200, {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="${filename}"`,
    });
  });
