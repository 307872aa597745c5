import type { Kysely } from "kysely";
import { isForeignKeyViolation } from "../db/errors";
import { type ClaimedIntake, finishIntake, type IntakeVerdict } from "../db/push-intake";
import type { Database } from "../db/schema";
import { RelayHttpError } from "../http/errors";
import type { PushPreparer } from "../snapshots/push-preparer";
import { type PushOutcome, storePushedSnapshot } from "../snapshots/store-push";
import type { IntakeBodies } from "./intake-bodies";

export interface ProcessPushDeps {
  db: Kysely<Database>;
  bodies: IntakeBodies;
  preparer: PushPreparer;
  maxDecompressedBytes: number;
  now: () => Date;
  /** TEST ONLY: the crash-safety hook of synchronous pushes, here for queued ones (env.ts). */
  pauseInsideTransactionMs: number | null;
  onPausedInsideTransaction?: () => void;
}

/**
 * One queued push from its stored gzip body to its verdict, the same work and the same answers
 * as a synchronous push: inflate, parse, validate, hash (on a push worker), then store. "stored"
 * commits in the same transaction as the snapshot; a rejection drops the body and keeps the
 * reason. Anything else (the database gone, a worker crashing) is thrown to the processor, which
 * retries: the push stays queued.
 */
export async function processClaimedPush(
  deps: ProcessPushDeps,
  claimed: ClaimedIntake,
): Promise<IntakeVerdict> {
  const verdict = await decide(deps, claimed);
  // Only once the verdict has committed: a crash before this leaves a file for the sweep, never
  // a queued push without its body.
  await deps.bodies.drop(claimed.bodyFile);
  return verdict;
}

async function decide(deps: ProcessPushDeps, claimed: ClaimedIntake): Promise<IntakeVerdict> {
  const reject = async (error: RelayHttpError): Promise<IntakeVerdict> => {
    const verdict = rejection(error);
    await finishIntake(deps.db, claimed, verdict, deps.now());
    return verdict;
  };

  const body = await deps.bodies.read({ column: claimed.bodyColumn, file: claimed.bodyFile });
  if (body === undefined) {
    // Cannot happen unless someone deletes spool files by hand; say so rather than retry for ever.
    return reject(
      new RelayHttpError(
        500,
        "push_body_missing",
        "The relay no longer has this push's body; push the snapshot again",
      ),
    );
  }
  let ready: Awaited<ReturnType<PushPreparer["prepareGzip"]>>;
  try {
    ready = await deps.preparer.prepareGzip(body, deps.maxDecompressedBytes, {
      companyId: claimed.companyId,
      snapshotId: claimed.snapshotId,
      receivedAt: claimed.receivedAt,
      tokenId: claimed.tokenId,
    });
  } catch (error) {
    if (error instanceof RelayHttpError) return reject(error);
    throw error;
  }

  let finishedInside = false;
  let outcome: PushOutcome;
  try {
    outcome = await storePushedSnapshot(deps.db, ready, {
      actor: { tokenId: claimed.tokenId, name: claimed.actorName },
      pauseInsideTransactionMs: deps.pauseInsideTransactionMs,
      ...(deps.onPausedInsideTransaction !== undefined && {
        onPausedInsideTransaction: deps.onPausedInsideTransaction,
      }),
      inTransaction: async (trx, decided) => {
        await finishIntake(trx, claimed, verdictOf(decided), deps.now());
        finishedInside = true;
      },
    });
  } catch (error) {
    // The company was deleted while its push waited: its intake row went with it, so this
    // verdict is recorded nowhere; the push is simply over.
    if (isForeignKeyViolation(error)) {
      return reject(new RelayHttpError(404, "not_found", "The company was deleted"));
    }
    throw error;
  }
  const verdict = verdictOf(outcome);
  // Decided before any transaction (the id was stored already): nothing else to commit with.
  if (!finishedInside) await finishIntake(deps.db, claimed, verdict, deps.now());
  return verdict;
}

function verdictOf(outcome: PushOutcome): IntakeVerdict {
  if (outcome.kind === "conflict") {
    return { state: "rejected", status: 409, code: "snapshot_conflict", message: outcome.message };
  }
  return { state: outcome.kind === "created" ? "stored" : "unchanged" };
}

function rejection(error: RelayHttpError): IntakeVerdict {
  return { state: "rejected", status: error.status, code: error.code, message: error.message };
}
