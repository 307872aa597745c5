import { createHash } from "node:crypto";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { dialectOf } from "../src/db/connect";

/**
 * The spool folder a test relay uses for a database: beside a SQLite file (the relay's own
 * default), and for PostgreSQL a temporary folder named after the database URL (not the
 * default ./data/intake inside the repository). The same URL always gives the same folder, so a
 * relay restarted on a database finds what it spooled before, as a real instance does on its
 * own disk.
 */
export function intakeDirFor(databaseUrl: string): string {
  if (dialectOf(databaseUrl) === "sqlite") return `${databaseUrl}-intake`;
  const name = createHash("sha256").update(databaseUrl).digest("hex").slice(0, 16);
  return join(tmpdir(), `tl-intake-${name}`);
}
