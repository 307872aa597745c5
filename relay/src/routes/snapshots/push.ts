import type { Context } from "hono";
import type { AppEnv } from "../../http/app-env";
import { nowIso } from "../../http/clock";
import { RelayHttpError } from "../../http/errors";
import { readGzipBody } from "../../http/gzip-body";
import { guidParam } from "../../http/params";
import { prefersRespondAsync } from "../../http/prefer";
import { requestBodyStream } from "../../http/request-body";
import { inlinePushPreparer } from "../../snapshots/push-preparer";
import { storePushedSnapshot } from "../../snapshots/store-push";
import { companyFromPath } from "./company-guard";
import { acceptPushAsync } from "./push-async";

/**
 * PUT /v1/companies/{companyId}/snapshots/{snapshotId}: 201 when stored, 200 when this exact
 * snapshot was already stored (a retry), 409 when the id holds a different snapshot. With
 * `Prefer: respond-async`, 202 once the body is durably queued (push-async.ts).
 */
export async function pushSnapshot(c: Context<AppEnv>): Promise<Response> {
  if (prefersRespondAsync(c.req.header("prefer"))) return acceptPushAsync(c);
  const company = await companyFromPath(c);
  const snapshotId = guidParam(c, "snapshotId", "snapshot id");
  const { config, database, logger, pushPreparer = inlinePushPreparer } = c.get("deps");

  const json = await readGzipBody(
    {
      body: requestBodyStream(c),
      contentEncoding: c.req.header("content-encoding"),
      contentType: c.req.header("content-type"),
      contentLength: c.req.header("content-length"),
    },
    config.limits,
  );
  const principal = c.get("principal");
  const ready = await pushPreparer.prepare(json, {
    companyId: company.id,
    snapshotId,
    receivedAt: nowIso(c),
    tokenId: principal.tokenId,
  });
  const outcome = await storePushedSnapshot(database.db, ready, {
    actor: { tokenId: principal.tokenId, name: principal.name },
    pauseInsideTransactionMs: config.testPauseInsidePushMs,
    onPausedInsideTransaction: () =>
      // Read by the crash-safety test, which kills the process at this point.
      logger.warn(
        { snapshotId, testHook: "paused-inside-push-transaction" },
        "test hook: pausing inside push",
      ),
  });
  if (outcome.kind === "conflict")
    throw new RelayHttpError(409, "snapshot_conflict", outcome.message);

  const location = `/v1/companies/${company.id}/snapshots/${snapshotId}`;
  c.header("Location", location);
  return c.json(
    { snapshotId, companyId: company.id, stored: outcome.kind },
    outcome.kind === "created" ? 201 : 200,
  );
}
