import { mkdirSync } from "node:fs";
import { dirname } from "node:path";
import BetterSqlite3 from "better-sqlite3";
import { Kysely, PostgresDialect, SqliteDialect } from "kysely";
import pg from "pg";
import type { Database } from "./schema";

export type DialectName = "sqlite" | "postgres";

export interface RelayDatabase {
  db: Kysely<Database>;
  dialect: DialectName;
  close(): Promise<void>;
}

export function dialectOf(databaseUrl: string): DialectName {
  return /^postgres(ql)?:\/\//i.test(databaseUrl) ? "postgres" : "sqlite";
}

export interface ConnectOptions {
  /** Called when an idle PostgreSQL connection breaks (e.g. the server restarts). */
  onBackgroundError?: (error: Error) => void;
  poolSize?: number;
}

/** Opens the store named by the configuration: a SQLite file or a PostgreSQL URL. */
export function connectDatabase(databaseUrl: string, options: ConnectOptions = {}): RelayDatabase {
  return dialectOf(databaseUrl) === "postgres"
    ? connectPostgres(databaseUrl, options)
    : connectSqlite(databaseUrl);
}

function connectSqlite(path: string): RelayDatabase {
  if (path !== ":memory:") mkdirSync(dirname(path), { recursive: true });
  const sqlite = new BetterSqlite3(path);
  // WAL lets readers proceed during a write; FULL sync makes an acknowledged push survive a crash
  // of the machine, not only of the process. busy_timeout covers a CLI command writing meanwhile.
  sqlite.pragma("journal_mode = WAL");
  sqlite.pragma("synchronous = FULL");
  sqlite.pragma("foreign_keys = ON");
  sqlite.pragma("busy_timeout = 5000");
  const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: sqlite }) });
  return { db, dialect: "sqlite", close: () => db.destroy() };
}

function connectPostgres(url: string, options: ConnectOptions): RelayDatabase {
  const pool = new pg.Pool({
    connectionString: url,
    max: options.poolSize ?? 10,
    // Fail a request quickly with 503 when the server is down rather than queueing it for ever.
    connectionTimeoutMillis: 3000,
    idleTimeoutMillis: 30_000,
  });
  // Without listeners, a connection dying (the server restarting) would be an uncaught 'error'
  // event and crash the process: the pool reports idle clients, each client reports itself while
  // checked out (e.g. between two statements of a transaction). The failing query still rejects,
  // and the relay answers 503.
  pool.on("error", (error) => options.onBackgroundError?.(error));
  pool.on("connect", (client) => {
    client.on("error", (error) => options.onBackgroundError?.(error));
  });
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  return { db, dialect: "postgres", close: () => db.destroy() };
}
