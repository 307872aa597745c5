import { createHash } from "node:crypto";
import type { Context } from "hono";
import { assertCompanyAccess } from "../../auth/require";
import { getPushAcceptState } from "../../db/push-intake";
import type { AppEnv } from "../../http/app-env";
import type { BodyChunks } from "../../http/body-chunks";
import { nowIso } from "../../http/clock";
import { notFound, RelayHttpError } from "../../http/errors";
import { checkGzipJsonHeaders } from "../../http/gzip-body";
import { precheckGzipBody } from "../../http/gzip-precheck";
import { companyIdParam, guidParam } from "../../http/params";
import { readStreamChunks, requestBodyStream } from "../../http/request-body";
import { bodiesInDatabase } from "../../intake/intake-bodies";
import { intakeWriterFor } from "../../intake/intake-writer";

const otherCompany = () =>
  new RelayHttpError(
    409,
    "snapshot_conflict",
    "This snapshot id is already used by another company",
  );

/**
 * PUT …/snapshots/{snapshotId} with `Prefer: respond-async`: the body is checked only as far as
 * its bytes allow (headers, size, gzip framing), written durably, and answered with 202 and a
 * status resource; parsing, validation and storage follow on a push worker
 * (docs/decisions/relay-async-push.md). 200 when this exact body was stored already; 409 when
 * the id belongs to another company or a different body of it is still being processed.
 */
export async function acceptPushAsync(c: Context<AppEnv>): Promise<Response> {
  const release = c.get("deps").intakeProcessor?.holdForAccept();
  try {
    return await accept(c);
  } finally {
    release?.();
  }
}

async function accept(c: Context<AppEnv>) {
  // The same order of checks as companyFromPath: scope, then existence (below, with the rest).
  const companyId = companyIdParam(c);
  assertCompanyAccess(c, companyId);
  const snapshotId = guidParam(c, "snapshotId", "snapshot id");
  const {
    config,
    database,
    intakeProcessor,
    intakeBodies = bodiesInDatabase,
    intakeWriter = intakeWriterFor(database),
  } = c.get("deps");
  const db = database.db;
  checkGzipJsonHeaders(
    {
      contentEncoding: c.req.header("content-encoding"),
      contentType: c.req.header("content-type"),
      contentLength: c.req.header("content-length"),
    },
    config.limits,
  );
  // One round trip for everything the decisions below need; the write further down settles
  // any race with a push accepted meanwhile.
  let state = await getPushAcceptState(db, companyId, snapshotId);
  if (!state.companyExists) throw notFound("Company");
  let body: BodyChunks;
  try {
    body = await readStreamChunks(
      requestBodyStream(c),
      config.limits.maxCompressedBytes,
      "compressed snapshot",
    );
  } catch (error) {
    if (error instanceof RelayHttpError) throw error;
    throw new RelayHttpError(400, "unreadable_body", "The request body could not be read", {
      cause: error,
    });
  }
  precheckGzipBody(body, config.limits.maxDecompressedBytes);
  const hash = createHash("sha256");
  for (const chunk of body.chunks) hash.update(chunk);
  const bodySha256 = hash.digest("hex");

  const statusUrl = `/v1/companies/${companyId}/pushes/${snapshotId}`;
  const answer = (status: 200 | 202, state: "queued" | "unchanged") => {
    c.header("Location", statusUrl);
    c.header("Preference-Applied", "respond-async");
    if (status === 202) c.header("Retry-After", "1");
    return c.json({ snapshotId, companyId, state, statusUrl }, status);
  };

  if (state.storedCompanyId !== null && state.storedCompanyId !== companyId) throw otherCompany();

  // Twice at most: a lost race with another request queueing the same id is settled by re-reading.
  for (let attempt = 0; attempt < 2; attempt += 1) {
    if (attempt > 0) state = await getPushAcceptState(db, companyId, snapshotId);
    const intake = state.intake;
    if (intake !== undefined) {
      if (intake.companyId !== companyId) throw otherCompany();
      const sameBody = intake.bodySha256 === bodySha256;
      if (sameBody && intake.state === "queued") return answer(202, "queued");
      if (sameBody && (intake.state === "stored" || intake.state === "unchanged")) {
        return answer(200, "unchanged");
      }
      if (intake.state === "queued") {
        throw new RelayHttpError(
          409,
          "push_in_progress",
          "A different push of this snapshot id is still being processed; wait for its status and retry",
          { headers: { "Retry-After": "1" } },
        );
      }
    }
    if (state.queuedBytes + body.byteLength > config.intake.maxQueuedBytes) {
      throw new RelayHttpError(
        503,
        "intake_full",
        "The relay has too many pushes waiting to be processed; try again shortly",
        { headers: { "Retry-After": "10" } },
      );
    }
    const principal = c.get("principal");
    // Durable before the row that refers to it commits. Should the row lose a race below, the
    // file is an orphan the processor sweeps later.
    const kept = await intakeBodies.keep(snapshotId, body);
    const queued = await intakeWriter.queue({
      snapshotId,
      companyId,
      tokenId: principal.tokenId,
      actorName: principal.name,
      receivedAt: nowIso(c),
      bodyColumn: kept.column,
      bodyFile: kept.file,
      bodyBytes: body.byteLength,
      bodySha256,
    });
    if (queued) {
      intakeProcessor?.nudge();
      return answer(202, "queued");
    }
  }
  throw new RelayHttpError(
    409,
    "concurrent_change",
    "Another request pushed this snapshot id at the same time; retry",
  );
}
