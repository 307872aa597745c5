import { gzipSync } from "node:zlib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, DIALECTS, type TestDatabase } from "../../test/databases";
import { deleteCompany, insertCompany } from "./companies";
import {
  deleteUnreferencedBlobs,
  findExistingBlobHashes,
  insertBlobsIfAbsent,
  readBlobBody,
  totalBlobBytes,
} from "./dataset-blobs";
import {
  countSnapshots,
  getLatestSnapshot,
  getSnapshot,
  getSnapshotHeader,
  insertSnapshotIfAbsent,
  listSnapshots,
  type SnapshotRecord,
} from "./snapshots";

const HASH_A = "a".repeat(64);
const HASH_B = "b".repeat(64);

function snapshot(id: string, capturedAt: string, contentHash = HASH_A): SnapshotRecord {
  return {
    snapshotId: id,
    companyId: "c-1",
    tenantId: "11111111-2222-3333-4444-555555555555",
    tenantDisplayName: "Contoso",
    capturedAt,
    capturedBy: "ana",
    schemaVersion: 1,
    fingerprint: `fp-${id}`,
    pushedByTokenId: "t-1",
    receivedAt: capturedAt,
    datasets: [
      {
        datasetId: "users",
        contentHash,
        state: "complete",
        reasonCode: null,
        detail: null,
        collectedAt: capturedAt,
        rowCount: 2,
      },
    ],
  };
}

describe.each(DIALECTS)("snapshot and blob repositories on %s", (dialect) => {
  let test: TestDatabase;
  beforeAll(async () => {
    test = await createTestDatabase(dialect);
    await insertCompany(test.database.db, {
      id: "c-1",
      name: "Contoso",
      now: "2026-01-01T00:00:00.000Z",
    });
  });
  afterAll(async () => {
    await test?.destroy();
  });

  it("stores a blob once per (dataset, hash) and counts its bytes once", async () => {
    const db = test.database.db;
    const body = gzipSync(JSON.stringify([{ id: "u1" }, { id: "u2" }]));
    const blob = { datasetId: "users", contentHash: HASH_A, rowCount: 2, body };
    await insertBlobsIfAbsent(db, [blob]);
    await insertBlobsIfAbsent(db, [blob, { ...blob, contentHash: HASH_B }]);
    expect(await totalBlobBytes(db)).toBe(2 * body.byteLength);
    const found = await findExistingBlobHashes(db, [
      { datasetId: "users", contentHash: HASH_A },
      { datasetId: "groups", contentHash: HASH_A },
    ]);
    expect([...found]).toEqual([`users:${HASH_A}`]);
    const read = await readBlobBody(db, { datasetId: "users", contentHash: HASH_A });
    expect(read?.equals(body)).toBe(true);
  });

  it("inserts a snapshot id once and reports the second insert as not inserted", async () => {
    const db = test.database.db;
    expect(await insertSnapshotIfAbsent(db, snapshot("s-1", "2026-02-01T00:00:00.000Z"))).toBe(
      true,
    );
    expect(
      await insertSnapshotIfAbsent(db, snapshot("s-1", "2026-02-01T00:00:00.000Z", HASH_B)),
    ).toBe(false);
    const stored = await getSnapshot(db, "c-1", "s-1");
    expect(stored).toEqual(snapshot("s-1", "2026-02-01T00:00:00.000Z"));
    expect(await getSnapshot(db, "c-other", "s-1")).toBeUndefined();
    expect((await getSnapshotHeader(db, "s-1"))?.fingerprint).toBe("fp-s-1");
  });

  it("refuses a snapshot dataset whose blob was never stored", async () => {
    const db = test.database.db;
    const orphan = snapshot("s-orphan", "2026-02-01T00:00:00.000Z", "c".repeat(64));
    await expect(
      db.transaction().execute((trx) => insertSnapshotIfAbsent(trx, orphan)),
    ).rejects.toThrow();
    expect(await getSnapshotHeader(db, "s-orphan")).toBeUndefined();
  });

  it("lists snapshots newest capture first, in pages, and finds the latest", async () => {
    const db = test.database.db;
    await insertSnapshotIfAbsent(db, snapshot("s-3", "2026-04-01T00:00:00.000Z"));
    await insertSnapshotIfAbsent(db, snapshot("s-2", "2026-03-01T00:00:00.000Z", HASH_B));
    const page1 = await listSnapshots(db, "c-1", { limit: 2 });
    expect(page1.map((s) => s.snapshotId)).toEqual(["s-3", "s-2"]);
    const last = page1.at(-1);
    if (last === undefined) throw new Error("empty page");
    const page2 = await listSnapshots(db, "c-1", {
      limit: 2,
      before: { capturedAt: last.capturedAt, snapshotId: last.snapshotId },
    });
    expect(page2.map((s) => s.snapshotId)).toEqual(["s-1"]);
    expect((await getLatestSnapshot(db, "c-1"))?.snapshotId).toBe("s-3");
    expect(page1[1]?.datasets[0]?.contentHash).toBe(HASH_B);
  });

  it("deletes a company's snapshots with the company but keeps shared blobs", async () => {
    const db = test.database.db;
    const bytes = await totalBlobBytes(db);
    await deleteCompany(db, "c-1");
    expect(await countSnapshots(db)).toBe(0);
    expect(await totalBlobBytes(db)).toBe(bytes);
  });

  it("garbage-collects the blobs no snapshot refers to any more, and only those", async () => {
    const db = test.database.db;
    await insertCompany(db, { id: "c-2", name: "Fabrikam", now: "2026-01-01T00:00:00.000Z" });
    await insertSnapshotIfAbsent(db, {
      ...snapshot("s-kept", "2026-05-01T00:00:00.000Z", HASH_B),
      companyId: "c-2",
    });
    const bytes = await totalBlobBytes(db);
    const collected = await deleteUnreferencedBlobs(db);
    expect(collected.blobs).toBe(1);
    expect(await totalBlobBytes(db)).toBe(bytes - collected.bytes);
    expect([
      ...(await findExistingBlobHashes(db, [{ datasetId: "users", contentHash: HASH_B }])),
    ]).toEqual([`users:${HASH_B}`]);
    expect((await deleteUnreferencedBlobs(db)).blobs).toBe(0);
  });
});
