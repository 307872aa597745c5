import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { SnapshotEnvelope } from "../../../shared/src/snapshot/envelope";
import { createTestDatabase, DIALECTS, type TestDatabase } from "../../test/databases";
import { buildEnvelope, userRow } from "../../test/envelopes";
import { deleteCompany, insertCompany } from "../db/companies";
import {
  deleteUnreferencedBlobs,
  findExistingBlobHashes,
  totalBlobBytes,
} from "../db/dataset-blobs";
import { countSnapshots, getSnapshot } from "../db/snapshots";
import { inlinePushPreparer } from "./push-preparer";
import { storePushedSnapshot } from "./store-push";

const actor = { tokenId: "t-1", name: "test" };

describe.each(DIALECTS)("storing a push on %s", (dialect) => {
  let test: TestDatabase;
  beforeAll(async () => {
    test = await createTestDatabase(dialect);
  });
  afterAll(async () => {
    await test?.destroy();
  });

  const prepare = (envelope: SnapshotEnvelope, companyId: string) =>
    inlinePushPreparer.prepare(new TextEncoder().encode(JSON.stringify(envelope)), {
      companyId,
      snapshotId: envelope.snapshotId,
      receivedAt: "2026-11-26T10:00:00.000Z",
      tokenId: actor.tokenId,
    });

  it("retries with every blob when one it counted on was garbage-collected meanwhile", async () => {
    const db = test.database.db;
    const users = [userRow(1), userRow(2)];
    await insertCompany(db, { id: "gone", name: "Gone", now: "2026-01-01T00:00:00.000Z" });
    await insertCompany(db, { id: "kept", name: "Kept", now: "2026-01-01T00:00:00.000Z" });
    const first = await prepare(buildEnvelope({ companyId: "gone", users }), "gone");
    expect(
      (await storePushedSnapshot(db, first, { actor, pauseInsideTransactionMs: null })).kind,
    ).toBe("created");

    const second = await prepare(buildEnvelope({ companyId: "kept", users }), "kept");
    // The push looks up its blobs, then `relay gc` removes them before its transaction runs.
    const outcome = await storePushedSnapshot(db, second, {
      actor,
      pauseInsideTransactionMs: null,
      findExistingBlobs: async (trx, keys) => {
        const existing = await findExistingBlobHashes(trx, keys);
        await deleteCompany(db, "gone");
        await deleteUnreferencedBlobs(db);
        return existing;
      },
    });
    expect(outcome.kind).toBe("created");
    expect(await totalBlobBytes(db)).toBeGreaterThan(0);
    expect(
      (await getSnapshot(db, "kept", second.snapshotId))?.datasets.map((d) => d.contentHash),
    ).toEqual(second.datasets.map((d) => d.contentHash));
    expect(await countSnapshots(db)).toBe(1);
  });
});
