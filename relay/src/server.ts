import type { AddressInfo } from "node:net";
import { serve } from "@hono/node-server";
import type { Logger } from "pino";
import { createApp } from "./app";
import { ensureFirstAdminToken } from "./auth/first-admin";
import { connectDatabase, type RelayDatabase } from "./db/connect";
import { migrateToLatest } from "./db/migrate";
import { getStoreId } from "./db/relay-store";
import { type RelayConfig, RelayConfigError } from "./env";
import { intakeBodiesFor, SpoolFolderTakenError } from "./intake/intake-bodies";
import { createIntakeProcessor } from "./intake/intake-processor";
import { intakeWriterFor } from "./intake/intake-writer";
import { inlinePushPreparer, workerPushPreparer } from "./snapshots/push-preparer";
import { SnapshotResponseCache } from "./snapshots/response-cache";

export interface RunningRelay {
  url: string;
  database: RelayDatabase;
  /** The first admin token's secret when this start created it (empty store), else null. */
  firstAdminSecret: string | null;
  close(): Promise<void>;
}

/** Connects, migrates, creates the first admin token if the store is empty, and listens. */
export async function startRelay(config: RelayConfig, logger: Logger): Promise<RunningRelay> {
  const database = connectDatabase(config.databaseUrl, {
    onBackgroundError: (error) => logger.warn({ err: error }, "database connection lost"),
  });
  try {
    await migrateToLatest(database.db);
  } catch (error) {
    await database.close();
    throw error;
  }
  const firstAdmin = await ensureFirstAdminToken(database.db, new Date().toISOString());
  const pushPreparer =
    config.pushWorkers > 0
      ? workerPushPreparer(config.pushWorkers, {
          onFallback: (error) =>
            logger.error({ err: error }, "push workers cannot start; preparing pushes inline"),
        })
      : inlinePushPreparer;
  const intakeBodies = intakeBodiesFor(config.intake.spoolDir);
  try {
    await intakeBodies.prepare(await getStoreId(database.db));
  } catch (error) {
    await pushPreparer.close();
    await database.close();
    if (error instanceof SpoolFolderTakenError) throw new RelayConfigError(error.message);
    throw new RelayConfigError(
      `The intake folder ${intakeBodies.folder} cannot be written (${(error as Error).message}); set RELAY_INTAKE_DIR to a writable folder on local disk, or to "database" to keep queued pushes in the database`,
    );
  }
  const intakeProcessor = createIntakeProcessor({
    database,
    bodies: intakeBodies,
    preparer: pushPreparer,
    logger,
    maxDecompressedBytes: config.limits.maxDecompressedBytes,
    // Two per worker: while one push is on a worker, the event loop reads the next one's body
    // and stores the last one's datasets, so the worker never waits for them.
    concurrency: Math.max(2, 2 * config.pushWorkers),
    pollMs: config.intake.pollMs,
    leaseMs: config.intake.leaseMs,
    pauseInsideTransactionMs: config.testPauseInsidePushMs,
  });
  const snapshotResponseCache = new SnapshotResponseCache({ maxBytes: config.snapshotCacheBytes });
  const app = createApp({
    database,
    config,
    logger,
    pushPreparer,
    intakeBodies,
    intakeWriter: intakeWriterFor(database),
    intakeProcessor,
    snapshotResponseCache,
  });

  const server = await new Promise<ReturnType<typeof serve>>((resolve, reject) => {
    const listening = serve(
      {
        fetch: app.fetch,
        hostname: config.host,
        port: config.port,
        serverOptions: {
          // Node's own socket limits back up the app's timeout: a stalled upload is cut off.
          requestTimeout: config.limits.requestTimeoutMs + 5_000,
          headersTimeout: 15_000,
        },
      },
      () => resolve(listening),
    );
    listening.once("error", reject);
  });
  const address = server.address() as AddressInfo;
  const host = address.family === "IPv6" ? `[${address.address}]` : address.address;
  const url = `http://${host}:${address.port}`;
  logger.info({ url, database: database.dialect }, "relay listening");
  // After listening: pushes queued before a crash or restart are picked up from the table.
  await intakeProcessor.start();

  return {
    url,
    database,
    firstAdminSecret: firstAdmin?.secret ?? null,
    close: async () => {
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        if ("closeAllConnections" in server) server.closeAllConnections();
      });
      await intakeProcessor.stop();
      await pushPreparer.close();
      await database.close();
    },
  };
}
