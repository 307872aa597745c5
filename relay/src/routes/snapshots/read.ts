import type { Context } from "hono";
import { type DatasetId, datasetIdSchema } from "../../../../shared/src/datasets";
import type { Db } from "../../db/schema";
import {
  getLatestSnapshot,
  getSnapshot,
  listSnapshots,
  type SnapshotDatasetRecord,
  type SnapshotRecord,
} from "../../db/snapshots";
import { negotiateCoding } from "../../http/accept-encoding";
import type { AppEnv } from "../../http/app-env";
import { notFound, RelayHttpError } from "../../http/errors";
import { decodeCursor, guidParam, nextPageCursor, pageLimit } from "../../http/params";
import { readDatasetRowsJson, summarizeSnapshot } from "../../snapshots/assemble";
import { encodeEnvelopeBody, snapshotBodyKey } from "../../snapshots/envelope-body";
import { companyFromPath } from "./company-guard";

function datasetIdParam(value: string | undefined): DatasetId {
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

/**
 * The snapshot and dataset named by …/snapshots/{snapshotId}/datasets/{datasetId}; 404 when the
 * company has no such snapshot or the snapshot holds no such dataset.
 */
export async function snapshotDatasetFromPath(
  c: Context<AppEnv>,
  db: Db,
  companyId: string,
): Promise<{ datasetId: DatasetId; record: SnapshotRecord; dataset: SnapshotDatasetRecord }> {
  const datasetId = datasetIdParam(c.req.param("datasetId"));
  const record = await getSnapshot(db, companyId, guidParam(c, "snapshotId", "snapshot id"));
  const dataset = record?.datasets.find((d) => d.datasetId === datasetId);
  if (record === undefined || dataset === undefined) {
    throw notFound(`Dataset ${datasetId} of this snapshot`);
  }
  return { datasetId, record, dataset };
}

/** Answers JSON already serialised (spliced from stored rows). */
function jsonText(c: Context<AppEnv>, text: string): Response {
  return c.body(text, 200, { "Content-Type": "application/json; charset=utf-8" });
}

/**
 * A whole snapshot, with the snapshot's fingerprint as its ETag: snapshots are immutable, so a
 * client polling "latest" with If-None-Match gets 304 until a newer snapshot arrives, instead of
 * megabytes it already has.
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
    // RFC 9110 §15.4.5: a 304 carries the Vary the 200 would have.
    return c.body(null, 304, { ETag: etag, Vary: "Accept-Encoding" });
  }
  c.header("ETag", etag);
  // Reached only once the database has confirmed the company, the token's scope and this
  // snapshot: the cache below answers "which bytes", never "may this caller have them", so a
  // deleted company or snapshot is 404 here even while its body is still cached.
  const coding = negotiateCoding(c.req.header("accept-encoding"));
  const encode = () => encodeEnvelopeBody(db, record, coding);
  const cache = c.get("deps").snapshotResponseCache;
  const body = await (cache?.getOrCompute(snapshotBodyKey(record, coding), encode) ?? encode());
  // Set here rather than left to compress(), which skips a response that already has a
  // Content-Encoding; Vary tells shared caches the body depends on Accept-Encoding.
  const headers: Record<string, string> = {
    "Content-Type": "application/json; charset=utf-8",
    Vary: "Accept-Encoding",
  };
  if (coding === "gzip") headers["Content-Encoding"] = "gzip";
  return c.body(body, 200, headers);
}

/** GET …/snapshots: summaries, newest capture first, paged. */
export async function listCompanySnapshots(c: Context<AppEnv>): Promise<Response> {
  const company = await companyFromPath(c);
  const limit = pageLimit(c);
  const before = decodeCursor(c.req.query("cursor"), ["capturedAt", "snapshotId"] as const);
  const records = await listSnapshots(c.get("deps").database.db, company.id, {
    limit,
    ...(before !== undefined && { before }),
  });
  return c.json({
    snapshots: records.map(summarizeSnapshot),
    nextCursor: nextPageCursor(records, limit, (last) => ({
      capturedAt: last.capturedAt,
      snapshotId: last.snapshotId,
    })),
  });
}

/** GET …/snapshots/latest: the newest capture. */
export async function readLatestSnapshot(c: Context<AppEnv>): Promise<Response> {
  const company = await companyFromPath(c);
  const db = c.get("deps").database.db;
  const latest = await getLatestSnapshot(db, company.id);
  if (latest === undefined) throw notFound("A snapshot of this company");
  return envelopeResponse(c, db, latest);
}

/** GET …/snapshots/{snapshotId}. */
export async function readSnapshot(c: Context<AppEnv>): Promise<Response> {
  const company = await companyFromPath(c);
  const db = c.get("deps").database.db;
  const record = await getSnapshot(db, company.id, guidParam(c, "snapshotId", "snapshot id"));
  if (record === undefined) throw notFound("Snapshot");
  return envelopeResponse(c, db, record);
}

/** GET …/snapshots/{snapshotId}/datasets/{datasetId}: one dataset's rows. */
export async function readSnapshotDataset(c: Context<AppEnv>): Promise<Response> {
  const company = await companyFromPath(c);
  const db = c.get("deps").database.db;
  const { datasetId, dataset } = await snapshotDatasetFromPath(c, db, company.id);
  const head = JSON.stringify({ datasetId, contentHash: dataset.contentHash });
  return jsonText(c, `${head.slice(0, -1)},"rows":${await readDatasetRowsJson(db, dataset)}}`);
}
