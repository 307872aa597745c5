import type { Context } from "hono";
import { getSnapshot } from "../../db/snapshots";
import type { AppEnv } from "../../http/app-env";
import { notFound, RelayHttpError } from "../../http/errors";
import { isGuid } from "../../http/params";
import { assembleEnvelope } from "../../snapshots/assemble";
import { diffSnapshots } from "../../snapshots/shared-core";
import { companyFromPath } from "./company-guard";

/** GET …/snapshots/diff?from=&to=: the shared per-dataset comparison of two snapshots. */
export async function diffCompanySnapshots(c: Context<AppEnv>): Promise<Response> {
  const company = await companyFromPath(c);
  const from = c.req.query("from") ?? "";
  const to = c.req.query("to") ?? "";
  if (!isGuid(from) || !isGuid(to)) {
    throw new RelayHttpError(
      400,
      "invalid_snapshot_id",
      "Give ?from=<snapshot id>&to=<snapshot id>",
    );
  }
  const db = c.get("deps").database.db;
  const [older, newer] = await Promise.all([
    getSnapshot(db, company.id, from.toLowerCase()),
    getSnapshot(db, company.id, to.toLowerCase()),
  ]);
  if (older === undefined) throw notFound(`Snapshot ${from}`);
  if (newer === undefined) throw notFound(`Snapshot ${to}`);
  const diff = diffSnapshots(await assembleEnvelope(db, older), await assembleEnvelope(db, newer));
  return c.json({ from: older.snapshotId, to: newer.snapshotId, diff });
}
