import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pg from "pg";
import { connectDatabase, type DialectName, type RelayDatabase } from "../src/db/connect";
import { migrateToLatest } from "../src/db/migrate";

/** Every repository and route test runs once per dialect. */
export const DIALECTS: readonly DialectName[] = ["sqlite", "postgres"];

/**
 * The machine's shared PostgreSQL (trust auth). Tests never touch its data: each test file
 * creates its own database `tl_<random>` and drops it afterwards.
 */
export const SHARED_POSTGRES_URL =
  process.env.TL_TEST_POSTGRES_URL ?? "postgres://postgres@127.0.0.1:5432/test";

export interface TestDatabase {
  url: string;
  database: RelayDatabase;
  /** Closes the connection and deletes the file or database. */
  destroy(): Promise<void>;
}

export async function createEmptyDatabaseUrl(
  dialect: DialectName,
): Promise<{ url: string; drop(): Promise<void> }> {
  if (dialect === "sqlite") {
    const dir = mkdtempSync(join(tmpdir(), "tl-relay-"));
    return {
      url: join(dir, "relay.sqlite"),
      drop: async () => rmSync(dir, { recursive: true, force: true }),
    };
  }
  const name = `tl_${randomBytes(6).toString("hex")}`;
  await withAdminClient((client) => client.query(`CREATE DATABASE ${name}`));
  const url = new URL(SHARED_POSTGRES_URL);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: () =>
      withAdminClient((client) => client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)),
  };
}

async function withAdminClient(run: (client: pg.Client) => Promise<unknown>): Promise<void> {
  const client = new pg.Client({ connectionString: SHARED_POSTGRES_URL });
  await client.connect();
  try {
    await run(client);
  } finally {
    await client.end();
  }
}

/** A fresh, migrated database of the given dialect. */
export async function createTestDatabase(dialect: DialectName): Promise<TestDatabase> {
  const empty = await createEmptyDatabaseUrl(dialect);
  const database = connectDatabase(empty.url);
  await migrateToLatest(database.db);
  return {
    url: empty.url,
    database,
    destroy: async () => {
      await database.close();
      await empty.drop();
    },
  };
}
