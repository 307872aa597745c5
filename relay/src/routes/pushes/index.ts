import { Hono } from "hono";
import { requirePermission } from "../../auth/require";
import { getIntake } from "../../db/push-intake";
import { getSnapshotHeader } from "../../db/snapshots";
import type { AppEnv } from "../../http/app-env";
import { currentTime } from "../../http/clock";
import { notFound } from "../../http/errors";
import { guidParam } from "../../http/params";
import { companyFromPath } from "../snapshots/company-guard";

export type PushState = "queued" | "processing" | "stored" | "unchanged" | "rejected";

export interface PushStatus {
  snapshotId: string;
  companyId: string;
  state: PushState;
  receivedAt: string;
  finishedAt: string | null;
  /** Why it was rejected: the same status, code and message a synchronous push answers with. */
  error: { status: number; code: string; message: string } | null;
  /** Where the snapshot is, once stored (or found stored already). */
  snapshotUrl: string | null;
}

/**
 * Mounted at /v1/companies/:companyId/pushes: the status resource of asynchronous pushes
 * (`Prefer: respond-async`). A snapshot pushed synchronously reads as "stored" here too, so a
 * client can ask about any snapshot id it pushed.
 */
export const pushRoutes = new Hono<AppEnv>().get(
  "/:snapshotId",
  requirePermission("read"),
  async (c) => {
    const company = await companyFromPath(c);
    const snapshotId = guidParam(c, "snapshotId", "snapshot id");
    const db = c.get("deps").database.db;
    const snapshotUrl = `/v1/companies/${company.id}/snapshots/${snapshotId}`;

    const intake = await getIntake(db, snapshotId);
    if (intake !== undefined && intake.companyId === company.id) {
      const inProgress =
        intake.state === "queued" &&
        intake.leaseUntil !== null &&
        intake.leaseUntil > currentTime(c).toISOString();
      const state: PushState = inProgress ? "processing" : intake.state;
      if (intake.state === "queued") c.header("Retry-After", "1");
      const push: PushStatus = {
        snapshotId,
        companyId: company.id,
        state,
        receivedAt: intake.receivedAt,
        finishedAt: intake.finishedAt,
        error: intake.error,
        snapshotUrl: intake.state === "stored" || intake.state === "unchanged" ? snapshotUrl : null,
      };
      return c.json({ push });
    }
    const stored = await getSnapshotHeader(db, snapshotId);
    if (stored === undefined || stored.companyId !== company.id) throw notFound("Push");
    const push: PushStatus = {
      snapshotId,
      companyId: company.id,
      state: "stored",
      receivedAt: stored.receivedAt,
      finishedAt: stored.receivedAt,
      error: null,
      snapshotUrl,
    };
    return c.json({ push });
  },
);
