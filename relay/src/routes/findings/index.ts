import { Hono } from "hono";
import { requirePermission } from "../../auth/require";
import { getLatestSnapshot } from "../../db/snapshots";
import type { AppEnv } from "../../http/app-env";
import { notFound } from "../../http/errors";
import { assembleEnvelope } from "../../snapshots/assemble";
import { computeFindings } from "../../snapshots/shared-core";
import { companyFromPath } from "../snapshots/company-guard";

/** Mounted at /v1/companies/:companyId/findings: the shared findings of the latest snapshot. */
export const findingRoutes = new Hono<AppEnv>().get("/", requirePermission("read"), async (c) => {
  const company = await companyFromPath(c);
  const db = c.get("deps").database.db;
  const latest = await getLatestSnapshot(db, company.id);
  if (latest === undefined) throw notFound("A snapshot of this company");
  const findings = computeFindings(await assembleEnvelope(db, latest));
  return c.json({ snapshotId: latest.snapshotId, capturedAt: latest.capturedAt, findings });
});
