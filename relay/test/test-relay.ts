import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Hono } from "hono";
import { createApp } from "../src/app";
import { issueToken } from "../src/auth/issue-token";
import type { DialectName } from "../src/db/connect";
import { getStoreId } from "../src/db/relay-store";
import type { Role } from "../src/db/tokens";
import { parseRelayConfig } from "../src/env";
import type { AppEnv } from "../src/http/app-env";
import { type IntakeBodies, intakeBodiesFor } from "../src/intake/intake-bodies";
import { createIntakeProcessor } from "../src/intake/intake-processor";
import { intakeWriterFor } from "../src/intake/intake-writer";
import { createLogger } from "../src/logger";
import { inlinePushPreparer } from "../src/snapshots/push-preparer";
import { createTestDatabase, type TestDatabase } from "./databases";

export interface RequestOptions {
  token?: string | null;
  json?: unknown;
  body?: BodyInit;
  headers?: Record<string, string>;
}

/** The relay app in-process on a fresh database, with one token per role. */
export interface TestRelay {
  dialect: DialectName;
  app: Hono<AppEnv>;
  testDatabase: TestDatabase;
  secrets: Record<Role, string>;
  /** Moves the relay's clock (token expiry) without waiting. */
  clock: { now: Date };
  request(method: string, path: string, options?: RequestOptions): Promise<Response>;
  /** Where this relay keeps queued push bodies: a spool folder (unless RELAY_INTAKE_DIR=database). */
  intakeBodies: IntakeBodies;
  /**
   * Processes queued asynchronous pushes until none is left. The test relay's processor is never
   * nudged by the app, so a push stays "queued" until a test calls this.
   */
  drainIntake(): Promise<void>;
  /** PostgreSQL: copies spooled bodies into their rows (what the processor does before claiming). */
  copySpooledBodies(): Promise<number>;
  /** Issues another token directly in the store (e.g. one limited to a company). */
  issue(
    role: Role,
    options?: { companyScope?: string[]; expiresAt?: string | null },
  ): Promise<{ id: string; secret: string }>;
  close(): Promise<void>;
}

export async function createTestRelay(
  dialect: DialectName,
  env: Record<string, string> = {},
): Promise<TestRelay> {
  const testDatabase = await createTestDatabase(dialect);
  // PostgreSQL's spool folder defaults to ./data/intake; a test relay gets one of its own (a
  // SQLite test file's default folder is beside it, in its temporary folder already).
  const spoolDir =
    dialect === "postgres" ? mkdtempSync(join(tmpdir(), "tl-relay-intake-")) : undefined;
  const config = parseRelayConfig({
    RELAY_DATABASE_URL: testDatabase.url,
    RELAY_LOG_LEVEL: "silent",
    // Route tests make hundreds of requests with one token; the limit has its own test.
    RELAY_RATE_LIMIT_PER_MINUTE: "1000000",
    ...(spoolDir !== undefined && { RELAY_INTAKE_DIR: spoolDir }),
    ...env,
  });
  const clock = { now: new Date() };
  const intakeBodies = intakeBodiesFor(config.intake.spoolDir);
  await intakeBodies.prepare(await getStoreId(testDatabase.database.db));
  const intakeProcessor = createIntakeProcessor({
    database: testDatabase.database,
    bodies: intakeBodies,
    preparer: inlinePushPreparer,
    logger: createLogger("silent"),
    maxDecompressedBytes: config.limits.maxDecompressedBytes,
    concurrency: 1,
    pollMs: config.intake.pollMs,
    leaseMs: config.intake.leaseMs,
    now: () => clock.now,
  });
  const app = createApp({
    database: testDatabase.database,
    config,
    logger: createLogger("silent"),
    intakeBodies,
    intakeWriter: intakeWriterFor(testDatabase.database),
    now: () => clock.now,
  });
  const db = testDatabase.database.db;

  const issue: TestRelay["issue"] = async (role, options = {}) => {
    const issued = await issueToken(db, {
      name: `test ${role}`,
      role,
      expiresAt: options.expiresAt === undefined ? null : options.expiresAt,
      companyScope: options.companyScope ?? null,
      createdByTokenId: null,
      now: clock.now.toISOString(),
    });
    return { id: issued.record.id, secret: issued.secret };
  };
  const secrets = {
    admin: (await issue("admin")).secret,
    technician: (await issue("technician")).secret,
    viewer: (await issue("viewer")).secret,
  };

  return {
    dialect,
    app,
    testDatabase,
    secrets,
    clock,
    issue,
    intakeBodies,
    drainIntake: () => intakeProcessor.drain(),
    copySpooledBodies: () => intakeProcessor.copySpooledBodies(),
    request: async (method, path, options = {}) => {
      const headers: Record<string, string> = { ...options.headers };
      const token = options.token === undefined ? secrets.admin : options.token;
      if (token !== null) headers.authorization = `Bearer ${token}`;
      let body = options.body;
      if (options.json !== undefined) {
        headers["content-type"] ??= "application/json";
        body = JSON.stringify(options.json);
      }
      return app.request(path, { method, headers, ...(body !== undefined && { body }) });
    },
    close: async () => {
      await intakeProcessor.stop();
      await testDatabase.destroy();
      if (spoolDir !== undefined) rmSync(spoolDir, { recursive: true, force: true });
    },
  };
}

/** The `{error: {code}}` of an error response. */
export async function errorCode(response: Response): Promise<string> {
  const body = (await response.json()) as { error?: { code?: string } };
  return body.error?.code ?? "(no error code)";
}
