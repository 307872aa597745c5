import { randomUUID } from "node:crypto";
import { hostname } from "node:os";
import type { Logger } from "pino";
import type { RelayDatabase } from "../db/connect";
import { isDatabaseUnavailable } from "../db/errors";
import {
  attachIntakeBody,
  type ClaimedIntake,
  claimNextIntake,
  finishIntake,
  getIntake,
  pruneFinishedIntake,
  pushesAwaitingBody,
  queuedBodyFiles,
  rejectPushesWithLostBodies,
  releaseAllIntakeClaims,
  releaseIntake,
  renewIntakeLease,
} from "../db/push-intake";
import type { PushPreparer } from "../snapshots/push-preparer";
import type { IntakeBodies } from "./intake-bodies";
import { processClaimedPush } from "./process-claimed-push";

/**
 * A push claimed this many times without a verdict (its processing crashed the relay, or a
 * worker, every time) is rejected rather than tried for ever.
 */
export const MAX_INTAKE_ATTEMPTS = 3;
/** Finished pushes stay readable through the status resource this long. */
const RETENTION_MS = 7 * 24 * 60 * 60 * 1000;
const PRUNE_EVERY_MS = 60 * 60 * 1000;
/** A spool file younger than this may belong to a push being accepted right now. */
const SWEEP_AFTER_MS = 10 * 60 * 1000;
/** Waits between tries while the database is unreachable: 0.25 s doubling to 5 s. */
const RETRY_FIRST_MS = 250;
const RETRY_MAX_MS = 5_000;
/**
 * Accepting a push (a few milliseconds) comes before processing one (~150 ms of CPU): while
 * pushes are being accepted, and for this long after the last, no new push is claimed, so a
 * burst of 50 is acknowledged without competing with its own processing. Work already started
 * goes on.
 */
const ACCEPT_QUIET_MS = 25;
/** Under accepts that never pause, processing claims anyway after this long. */
const MAX_HOLD_MS = 2_000;
/** Spooled bodies copied into PostgreSQL between two looks for claimable pushes. */
const COPY_BATCH = 8;
/** Spool file names per query asking which of them still wait to be copied. */
const FILES_PER_QUERY = 500;
/** How long a stopping relay waits for pushes being accepted before handing its spool on. */
const STOP_ACCEPT_WAIT_MS = 10_000;
/**
 * PostgreSQL: a push whose body is still only in its accepting instance's spool this long after
 * it was received (that instance's disk was lost, or it never came back) is rejected, so the
 * client pushes it again instead of waiting for ever.
 */
const LOST_BODY_AFTER_MS = 60 * 60 * 1000;

export interface IntakeProcessorOptions {
  database: RelayDatabase;
  bodies: IntakeBodies;
  preparer: PushPreparer;
  logger: Logger;
  maxDecompressedBytes: number;
  /** Pushes processed at once; more than the push workers, so none of them idles. */
  concurrency: number;
  pollMs: number;
  leaseMs: number;
  now?: () => Date;
  pauseInsideTransactionMs?: number | null;
  /** Defaults ACCEPT_QUIET_MS and MAX_HOLD_MS; shorter in tests. */
  acceptQuietMs?: number;
  maxHoldMs?: number;
}

export interface IntakeProcessor {
  /** Starts polling; on SQLite first frees claims a killed process left behind. */
  start(): Promise<void>;
  /** Looks for work now (a push was just queued here) instead of at the next poll. */
  nudge(): void;
  /**
   * Holds back new claims while a push is being accepted; call the returned function when the
   * answer is on its way. See `ACCEPT_QUIET_MS`.
   */
  holdForAccept(): () => void;
  /**
   * Copies every spooled body into its row now, whatever is being accepted; how many. The pump
   * does this by itself; tests call it to reach the claimable state without processing.
   */
  copySpooledBodies(): Promise<number>;
  /** Processes until nothing claimable is left (tests and tools; the server just polls). */
  drain(): Promise<void>;
  /** Stops claiming and waits for the pushes in progress. */
  stop(): Promise<void>;
}

/**
 * Works through queued asynchronous pushes: claims the oldest with a lease, processes it, records
 * the verdict. Any number of relay instances can run one on a PostgreSQL store: a claim is a
 * conditional UPDATE, so each push goes to one instance, and a claim held by an instance that died
 * runs out after `leaseMs`. Nothing here is state that matters: a restart resumes from the table.
 */
export function createIntakeProcessor(options: IntakeProcessorOptions): IntakeProcessor {
  const db = options.database.db;
  const now = options.now ?? (() => new Date());
  const owner = `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;
  // PostgreSQL with a spool folder: bodies spooled on accept are copied into their rows here,
  // before they can be claimed (intake-bodies.ts). Not on SQLite: one process, one disk.
  const copiesSpooledBodies =
    options.database.dialect === "postgres" && options.bodies.folder !== null;
  const inFlight = new Set<Promise<void>>();
  let stopped = false;
  let pumping: Promise<boolean> | null = null;
  let pollTimer: NodeJS.Timeout | undefined;
  let pruneTimer: NodeJS.Timeout | undefined;
  let unavailableLogged = false;
  let holds = 0;
  let heldSince = 0;
  let quietTimer: NodeJS.Timeout | undefined;

  /** Whether accepts in progress (or just finished) hold claims back now. */
  const heldBack = () =>
    (holds > 0 || quietTimer !== undefined) &&
    Date.now() - heldSince < (options.maxHoldMs ?? MAX_HOLD_MS);

  const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

  let noAcceptsWaiters: (() => void)[] = [];
  /** Resolves once no push is being accepted, or after `timeoutMs`. */
  const acceptsFinished = (timeoutMs: number): Promise<void> =>
    holds === 0
      ? Promise.resolve()
      : new Promise<void>((resolve) => {
          const timer = setTimeout(resolve, timeoutMs);
          noAcceptsWaiters.push(() => {
            clearTimeout(timer);
            resolve();
          });
        });

  /**
   * Renews a claim every third of the lease while its push is processed, so that a push taking
   * longer than the lease is not taken over, and done twice, by another instance. `endsAt` is
   * the end of the last lease the database confirmed.
   */
  const keepLease = (snapshotId: string) => {
    let endsAt = now().getTime() + options.leaseMs;
    const renew = async () => {
      const until = new Date(now().getTime() + options.leaseMs);
      if (await renewIntakeLease(db, snapshotId, owner, until)) {
        endsAt = until.getTime();
        return;
      }
      clearInterval(timer);
      // Not held because the verdict has just been written: nothing was lost.
      if ((await getIntake(db, snapshotId))?.state !== "queued") return;
      options.logger.warn(
        { snapshotId },
        "lost the claim on a queued push being processed; another instance may process it too",
      );
    };
    const timer = setInterval(
      // The database is down: the retry loop below decides with the lease confirmed last.
      () => void renew().catch(() => undefined),
      Math.max(1, Math.floor(options.leaseMs / 3)),
    );
    timer.unref();
    return { endsAt: () => endsAt, stop: () => clearInterval(timer) };
  };

  const handle = async (claimed: ClaimedIntake): Promise<void> => {
    const lease = keepLease(claimed.snapshotId);
    try {
      await handleClaimed(claimed, lease.endsAt);
    } finally {
      lease.stop();
    }
  };

  const handleClaimed = async (claimed: ClaimedIntake, leaseEnds: () => number): Promise<void> => {
    if (claimed.attempts > MAX_INTAKE_ATTEMPTS) {
      options.logger.error(
        { snapshotId: claimed.snapshotId, attempts: claimed.attempts },
        "queued push failed too often; rejecting it",
      );
      await finishIntake(
        db,
        claimed,
        {
          state: "rejected",
          status: 422,
          code: "unprocessable_snapshot",
          message: `The relay failed to process this snapshot ${MAX_INTAKE_ATTEMPTS} times; it was not stored`,
        },
        now(),
      );
      await options.bodies.drop(claimed.bodyFile);
      return;
    }
    for (let attempt = 0; ; attempt += 1) {
      try {
        const verdict = await processClaimedPush(
          {
            db,
            bodies: options.bodies,
            preparer: options.preparer,
            maxDecompressedBytes: options.maxDecompressedBytes,
            now,
            pauseInsideTransactionMs: options.pauseInsideTransactionMs ?? null,
            onPausedInsideTransaction: () =>
              // Read by the crash-safety test, which kills the process at this point.
              options.logger.warn(
                { snapshotId: claimed.snapshotId, testHook: "paused-inside-push-transaction" },
                "test hook: pausing inside push",
              ),
          },
          claimed,
        );
        options.logger.info(
          { snapshotId: claimed.snapshotId, companyId: claimed.companyId, ...verdict },
          "queued push processed",
        );
        return;
      } catch (error) {
        const wait = Math.min(RETRY_MAX_MS, RETRY_FIRST_MS * 2 ** attempt);
        if (isDatabaseUnavailable(error) && !stopped && now().getTime() + wait < leaseEnds()) {
          // The store is down (restarting?): keep the claim and the body, try again shortly.
          options.logger.warn(
            { snapshotId: claimed.snapshotId, err: error },
            "database unavailable while processing a queued push; retrying",
          );
          await sleep(wait);
          continue;
        }
        // A crash of the worker or a bug: give the claim back; the next claim counts an attempt.
        if (!isDatabaseUnavailable(error)) {
          options.logger.error(
            { snapshotId: claimed.snapshotId, err: error },
            "processing a queued push failed",
          );
        }
        await releaseIntake(db, claimed.snapshotId, owner).catch(() => undefined);
        return;
      }
    }
  };

  /**
   * Copies spooled bodies into their rows, at most `limit`, oldest first; how many it copied.
   * Gives way to accepts like claims do, unless told to ignore them (the relay is stopping: then
   * everything left is copied, so that another instance can process it).
   */
  const copySpooled = async (limit: number, ignoreHolds = false): Promise<number> => {
    if (!copiesSpooledBodies) return 0;
    let copied = 0;
    const more = () => copied < limit && (ignoreHolds || !(stopped || heldBack()));
    try {
      const files = await options.bodies.list();
      for (let start = 0; start < files.length && more(); start += FILES_PER_QUERY) {
        const waiting = await pushesAwaitingBody(db, files.slice(start, start + FILES_PER_QUERY));
        for (const push of waiting) {
          if (!more()) break;
          let body: Buffer | undefined;
          try {
            body = await options.bodies.read({ column: null, file: push.bodyFile });
          } catch (error) {
            // One unreadable file must not hold up the others; it is tried again next time.
            options.logger.error(
              { snapshotId: push.snapshotId, file: push.bodyFile, err: error },
              "cannot read a spooled push body",
            );
            continue;
          }
          // Gone: another instance sharing this folder copied it a moment ago.
          if (body === undefined) continue;
          if (await attachIntakeBody(db, push.snapshotId, push.bodyFile, body)) copied += 1;
          await options.bodies.drop(push.bodyFile);
        }
      }
    } catch (error) {
      if (!isDatabaseUnavailable(error)) throw error;
      if (!unavailableLogged) {
        options.logger.warn({ err: error }, "database unavailable; spooled pushes wait");
        unavailableLogged = true;
      }
    }
    return copied;
  };

  /**
   * Claims pushes up to the concurrency, and on PostgreSQL copies spooled bodies in batches in
   * between (each batch makes more pushes claimable); true when it claimed any.
   */
  const pumpOnce = async (): Promise<boolean> => {
    let found = false;
    for (;;) {
      found = (await claimUpToConcurrency()) || found;
      if (stopped || heldBack() || (await copySpooled(COPY_BATCH)) === 0) return found;
    }
  };

  /** Claims and starts pushes up to the concurrency; true when it found any. */
  const claimUpToConcurrency = async (): Promise<boolean> => {
    let found = false;
    while (!stopped && !heldBack() && inFlight.size < options.concurrency) {
      let claimed: ClaimedIntake | undefined;
      try {
        claimed = await claimNextIntake(db, {
          owner,
          now: now(),
          leaseMs: options.leaseMs,
          bodyInRowOnly: options.database.dialect === "postgres",
        });
        unavailableLogged = false;
      } catch (error) {
        if (!isDatabaseUnavailable(error)) throw error;
        if (!unavailableLogged) {
          options.logger.warn({ err: error }, "database unavailable; queued pushes wait");
          unavailableLogged = true;
        }
        return found;
      }
      if (claimed === undefined) return found;
      found = true;
      const running: Promise<void> = handle(claimed)
        .catch((error: unknown) =>
          options.logger.error({ err: error }, "queued push processing failed"),
        )
        .finally(() => {
          inFlight.delete(running);
          pump();
        });
      inFlight.add(running);
    }
    return found;
  };

  // One pump at a time: concurrent nudges must not claim past the concurrency.
  const pumpShared = (): Promise<boolean> => {
    pumping ??= pumpOnce().finally(() => {
      pumping = null;
    });
    return pumping;
  };
  const pump = (): void => {
    if (stopped) return;
    void pumpShared().catch((error: unknown) =>
      options.logger.error({ err: error }, "claiming a queued push failed"),
    );
  };

  const prune = async (): Promise<void> => {
    try {
      if (options.database.dialect === "postgres") {
        const lost = await rejectPushesWithLostBodies(
          db,
          new Date(now().getTime() - LOST_BODY_AFTER_MS),
          now(),
        );
        if (lost > 0) {
          options.logger.error({ lost }, "rejected queued pushes whose spooled body never arrived");
        }
      }
      const removed = await pruneFinishedIntake(db, new Date(now().getTime() - RETENTION_MS));
      if (removed > 0) options.logger.info({ removed }, "pruned finished push records");
      const swept = await options.bodies.sweep(() => queuedBodyFiles(db), SWEEP_AFTER_MS);
      if (swept > 0) options.logger.info({ swept }, "removed push bodies nothing waits for");
    } catch (error) {
      options.logger.warn({ err: error }, "pruning finished push records failed");
    }
  };

  return {
    start: async () => {
      if (options.database.dialect === "sqlite") await releaseAllIntakeClaims(db);
      // Before pruning: bodies this instance spooled before a crash, however long ago, are
      // handed on rather than taken for lost.
      await copySpooled(Number.POSITIVE_INFINITY, true).catch((error: unknown) =>
        options.logger.warn({ err: error }, "copying spooled pushes at start failed"),
      );
      await prune();
      pollTimer = setInterval(pump, options.pollMs);
      pruneTimer = setInterval(() => void prune(), PRUNE_EVERY_MS);
      pollTimer.unref();
      pruneTimer.unref();
      pump();
    },
    nudge: pump,
    holdForAccept: () => {
      if (holds === 0 && quietTimer === undefined) heldSince = Date.now();
      holds += 1;
      clearTimeout(quietTimer);
      quietTimer = undefined;
      let released = false;
      return () => {
        if (released) return;
        released = true;
        holds -= 1;
        if (holds > 0) return;
        for (const wake of noAcceptsWaiters) wake();
        noAcceptsWaiters = [];
        quietTimer = setTimeout(() => {
          quietTimer = undefined;
          pump();
        }, options.acceptQuietMs ?? ACCEPT_QUIET_MS);
        quietTimer.unref();
      };
    },
    copySpooledBodies: () => copySpooled(Number.POSITIVE_INFINITY, true),
    drain: async () => {
      for (;;) {
        if (stopped) return;
        const found = await pumpShared();
        if (inFlight.size === 0 && !found) return;
        await Promise.allSettled([...inFlight]);
      }
    },
    stop: async () => {
      stopped = true;
      clearTimeout(quietTimer);
      clearInterval(pollTimer);
      clearInterval(pruneTimer);
      // This instance may not come back: leave no acknowledged push only on its disk. Pushes
      // still being accepted come first (their rows commit after the socket is gone), and the
      // copy before the wait for processing, which a supervisor's kill may cut short.
      await acceptsFinished(STOP_ACCEPT_WAIT_MS);
      await copySpooled(Number.POSITIVE_INFINITY, true).catch((error: unknown) =>
        options.logger.warn({ err: error }, "copying spooled pushes at stop failed"),
      );
      await pumping?.catch(() => undefined);
      await Promise.allSettled([...inFlight]);
    },
  };
}
