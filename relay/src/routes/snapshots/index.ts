import { Hono } from "hono";
import { compress } from "hono/compress";
import { requirePermission } from "../../auth/require";
import type { AppEnv } from "../../http/app-env";
import { downloadDatasetCsv } from "./csv";
import { diffCompanySnapshots } from "./diff";
import { pushSnapshot } from "./push";
import {
  listCompanySnapshots,
  readLatestSnapshot,
  readSnapshot,
  readSnapshotDataset,
} from "./read";

/**
 * Mounted at /v1/companies/:companyId/snapshots. `latest` and `diff` are registered before
 * `:snapshotId`, so they are never taken for a snapshot id (which must be a GUID).
 */
const compressReads = compress();

export const snapshotRoutes = new Hono<AppEnv>()
  // Reads can be megabytes; a push's answer is a few hundred bytes not worth a gzip stream each.
  .use("*", (c, next) => (c.req.method === "GET" ? compressReads(c, next) : next()))
  .get("/", requirePermission("read"), listCompanySnapshots)
  .get("/latest", requirePermission("read"), readLatestSnapshot)
  .get("/diff", requirePermission("read"), diffCompanySnapshots)
  .put("/:snapshotId", requirePermission("snapshots:push"), pushSnapshot)
  .get("/:snapshotId", requirePermission("read"), readSnapshot)
  .get("/:snapshotId/datasets/:datasetId", requirePermission("read"), readSnapshotDataset)
  .get("/:snapshotId/datasets/:datasetId/csv", requirePermission("read"), downloadDatasetCsv);
