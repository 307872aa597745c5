import { resolve } from "node:path";
import { z } from "zod";
import { EXTENSION_ID } from "../../shared/src/extension-identity";
import { defaultPushWorkers } from "./snapshots/push-preparer";

/**
 * The relay's whole configuration, parsed once at start from the environment. Nothing else in
 * the relay reads `process.env`: a bad value stops the process with one clear message instead of
 * surfacing later as a strange runtime error.
 */
export interface RelayConfig {
  host: string;
  port: number;
  /** A SQLite file path (or `:memory:`) or a `postgres://` / `postgresql://` URL. */
  databaseUrl: string;
  /** Exact `Origin` values allowed to call the relay from a browser. */
  allowedOrigins: readonly string[];
  limits: {
    /** Largest gzip body accepted for a snapshot push, counted on the wire. */
    maxCompressedBytes: number;
    /** Largest inflated snapshot; checked while inflating so a zip bomb never fully expands. */
    maxDecompressedBytes: number;
    /** Largest plain JSON body for every other route. */
    maxJsonBytes: number;
    requestsPerMinutePerToken: number;
    requestTimeoutMs: number;
  };
  /** Worker threads that parse, validate and hash pushes; 0 = on the event loop. */
  pushWorkers: number;
  /** Bytes of finished whole-snapshot responses kept in memory (docs/decisions/relay-read-cache.md); 0 = none. */
  snapshotCacheBytes: number;
  /** Asynchronous pushes (`Prefer: respond-async`): docs/decisions/relay-async-push.md. */
  intake: {
    /** How often an idle relay looks for pushes queued through other instances. */
    pollMs: number;
    /** How long a claim on a queued push holds before another instance may take it over. */
    leaseMs: number;
    /** Bodies waiting to be processed, in bytes, beyond which new ones get 503 and Retry-After. */
    maxQueuedBytes: number;
    /**
     * The local folder where a queued push's body is written before the 202; null keeps it in
     * the intake row's column instead (`RELAY_INTAKE_DIR=database`). See intake-bodies.ts.
     */
    spoolDir: string | null;
  };
  logLevel: "fatal" | "error" | "warn" | "info" | "debug" | "trace" | "silent";
  /**
   * TEST ONLY (crash-safety tests): when set, a snapshot push pauses this long inside its
   * database transaction, after writing, before committing, and logs a warning with
   * `testHook: "paused-inside-push-transaction"` (the test's cue to kill it). Off by default.
   */
  testPauseInsidePushMs: number | null;
}

export class RelayConfigError extends Error {
  override name = "RelayConfigError";
}

const MiB = 1024 * 1024;

const positiveInt = (fallback: number) => z.coerce.number().int().positive().default(fallback);

const envSchema = z.object({
  RELAY_HOST: z.string().min(1).default("127.0.0.1"),
  RELAY_PORT: z.coerce.number().int().min(0).max(65_535).default(8787),
  RELAY_DATABASE_URL: z.string().min(1).default("./data/tenantlens.sqlite"),
  RELAY_ALLOWED_ORIGINS: z.string().default(`chrome-extension://${EXTENSION_ID}`),
  RELAY_MAX_COMPRESSED_BYTES: positiveInt(16 * MiB),
  RELAY_MAX_DECOMPRESSED_BYTES: positiveInt(128 * MiB),
  RELAY_MAX_JSON_BYTES: positiveInt(1 * MiB),
  RELAY_RATE_LIMIT_PER_MINUTE: positiveInt(1200),
  RELAY_REQUEST_TIMEOUT_MS: positiveInt(30_000),
  RELAY_PUSH_WORKERS: z.coerce.number().int().min(0).max(16).optional(),
  RELAY_SNAPSHOT_CACHE_BYTES: z.coerce
    .number()
    .int()
    .min(0)
    .default(64 * MiB),
  RELAY_INTAKE_POLL_MS: positiveInt(1000),
  RELAY_INTAKE_LEASE_MS: positiveInt(60_000),
  RELAY_INTAKE_MAX_QUEUED_BYTES: positiveInt(512 * MiB),
  RELAY_INTAKE_DIR: z.string().min(1).optional(),
  RELAY_LOG_LEVEL: z
    .enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"])
    .default("info"),
  RELAY_TEST_PAUSE_INSIDE_PUSH_MS: z.coerce.number().int().positive().optional(),
});

const ORIGIN_PATTERN = /^(chrome-extension|moz-extension|https?):\/\/[a-z0-9.-]+(:\d+)?$/;

export function parseRelayConfig(env: Record<string, string | undefined>): RelayConfig {
  // Empty strings count as unset: `RELAY_PORT= npm start` should not mean port 0.
  const present = Object.fromEntries(Object.entries(env).filter(([, value]) => value !== ""));
  const parsed = envSchema.safeParse(present);
  if (!parsed.success) {
    const problems = parsed.error.issues.map(
      (issue) => `${issue.path.join(".")}: ${issue.message}`,
    );
    throw new RelayConfigError(`Invalid relay configuration: ${problems.join("; ")}`);
  }
  const values = parsed.data;
  const allowedOrigins = values.RELAY_ALLOWED_ORIGINS.split(",")
    .map((origin) => origin.trim())
    .filter((origin) => origin !== "");
  const badOrigin = allowedOrigins.find((origin) => !ORIGIN_PATTERN.test(origin));
  if (badOrigin !== undefined) {
    throw new RelayConfigError(
      `Invalid relay configuration: RELAY_ALLOWED_ORIGINS entry "${badOrigin}" is not an origin like chrome-extension://<id>`,
    );
  }
  if (values.RELAY_MAX_DECOMPRESSED_BYTES < values.RELAY_MAX_COMPRESSED_BYTES) {
    throw new RelayConfigError(
      "Invalid relay configuration: RELAY_MAX_DECOMPRESSED_BYTES must be at least RELAY_MAX_COMPRESSED_BYTES",
    );
  }
  return {
    host: values.RELAY_HOST,
    port: values.RELAY_PORT,
    databaseUrl: values.RELAY_DATABASE_URL,
    allowedOrigins,
    limits: {
      maxCompressedBytes: values.RELAY_MAX_COMPRESSED_BYTES,
      maxDecompressedBytes: values.RELAY_MAX_DECOMPRESSED_BYTES,
      maxJsonBytes: values.RELAY_MAX_JSON_BYTES,
      requestsPerMinutePerToken: values.RELAY_RATE_LIMIT_PER_MINUTE,
      requestTimeoutMs: values.RELAY_REQUEST_TIMEOUT_MS,
    },
    pushWorkers: values.RELAY_PUSH_WORKERS ?? defaultPushWorkers(),
    snapshotCacheBytes: values.RELAY_SNAPSHOT_CACHE_BYTES,
    intake: {
      pollMs: values.RELAY_INTAKE_POLL_MS,
      leaseMs: values.RELAY_INTAKE_LEASE_MS,
      maxQueuedBytes: values.RELAY_INTAKE_MAX_QUEUED_BYTES,
      spoolDir: intakeSpoolDir(values.RELAY_INTAKE_DIR, values.RELAY_DATABASE_URL),
    },
    logLevel: values.RELAY_LOG_LEVEL,
    testPauseInsidePushMs: values.RELAY_TEST_PAUSE_INSIDE_PUSH_MS ?? null,
  };
}

/**
 * Where queued push bodies are spooled: `RELAY_INTAKE_DIR` if set (`database` = in the intake
 * row instead); by default beside a SQLite file, and `./data/intake` for PostgreSQL (the
 * instance's own disk; the processor copies each body into PostgreSQL before any instance may
 * claim it). An in-memory SQLite store has no disk to speak of, so its bodies stay in the row.
 */
function intakeSpoolDir(setting: string | undefined, databaseUrl: string): string | null {
  if (setting === "database") return null;
  if (setting !== undefined) return resolve(setting);
  if (databaseUrl === ":memory:") return null;
  if (/^postgres(ql)?:\/\//i.test(databaseUrl)) return resolve("data/intake");
  return resolve(`${databaseUrl}-intake`);
}
