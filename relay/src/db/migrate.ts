import { type Kysely, type Migration, type MigrationProvider, Migrator } from "kysely";
import * as initial from "./migrations/0001-initial";
import * as pushIntake from "./migrations/0002-push-intake";
import * as relayStore from "./migrations/0003-relay-store";
import type { Database } from "./schema";

/** Migrations are listed here, in order, so they travel with the code (no directory scanning). */
const MIGRATIONS: Record<string, Migration> = {
  "0001-initial": initial,
  "0002-push-intake": pushIntake,
  "0003-relay-store": relayStore,
};

const provider: MigrationProvider = { getMigrations: async () => MIGRATIONS };

export class MigrationError extends Error {
  override name = "MigrationError";
}

/**
 * Brings the schema up to date. Kysely's migrator takes a lock (an advisory lock on PostgreSQL),
 * so several relay instances starting together migrate once.
 */
export async function migrateToLatest(db: Kysely<Database>): Promise<string[]> {
  const migrator = new Migrator({ db, provider });
  const { error, results } = await migrator.migrateToLatest();
  if (error !== undefined) {
    throw new MigrationError(`Database migration failed: ${String(error)}`, { cause: error });
  }
  return (results ?? []).filter((r) => r.status === "Success").map((r) => r.migrationName);
}
