import { rm } from "node:fs/promises";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { queueAsyncPush, testIntakeProcessor } from "../../test/intake-fixture";
import { createTestRelay, type TestRelay } from "../../test/test-relay";
import { getIntake } from "../db/push-intake";

/**
 * PostgreSQL with a spool folder: a body is written to the accepting instance's disk before the
 * 202 and copied into its row before any instance may claim it (intake-bodies.ts).
 */
describe("spooled push bodies on PostgreSQL", () => {
  let relay: TestRelay;
  let companyId: string;
  beforeAll(async () => {
    relay = await createTestRelay("postgres");
    const created = await relay.request("POST", "/v1/companies", { json: { name: "Contoso" } });
    companyId = ((await created.json()) as { company: { id: string } }).company.id;
  });
  afterAll(async () => {
    await relay?.close();
  });

  const folder = () => relay.intakeBodies.folder ?? "";
  const db = () => relay.testDatabase.database.db;
  const queuePush = () => queueAsyncPush(relay, companyId);
  const bodyInRow = async (snapshotId: string) => {
    const row = await db()
      .selectFrom("push_intake")
      .select(["body", "body_file"])
      .where("snapshot_id", "=", snapshotId)
      .executeTakeFirstOrThrow();
    return { inRow: row.body !== null, file: row.body_file };
  };
  const processor = () => testIntakeProcessor(relay, { now: () => relay.clock.now });

  it("hands every spooled body on to PostgreSQL when the relay stops, so another instance can process it", async () => {
    const pushes = [await queuePush(), await queuePush()];
    expect((await relay.intakeBodies.list()).length).toBe(2);
    const stopping = processor();
    // A push still being accepted when the relay stops is waited for, then handed on too.
    const release = stopping.holdForAccept();
    const stopped = stopping.stop();
    pushes.push(await queuePush());
    release();
    await stopped;
    for (const snapshotId of pushes) {
      expect(await bodyInRow(snapshotId)).toEqual({ inRow: true, file: null });
      expect((await getIntake(db(), snapshotId))?.state).toBe("queued");
    }
    expect(await relay.intakeBodies.list()).toEqual([]);

    // Any instance now: one that never saw the spool stores them.
    await relay.drainIntake();
    for (const snapshotId of pushes) {
      expect((await getIntake(db(), snapshotId))?.state).toBe("stored");
    }
  });

  it("hands on at start what it spooled before a crash, however long ago, instead of taking it for lost", async () => {
    const snapshotId = await queuePush();
    // The relay was killed before copying, and comes back two hours later on the same disk.
    relay.clock.now = new Date(relay.clock.now.getTime() + 2 * 60 * 60 * 1000);
    const restarted = processor();
    await restarted.start();
    await restarted.stop();
    // Copied in, so claimable (on PostgreSQL only then), and stored: not rejected as lost.
    expect(await getIntake(db(), snapshotId)).toMatchObject({ state: "stored", error: null });
    expect(await relay.intakeBodies.list()).toEqual([]);
  });

  it("skips a body that is gone from the folder, and leaves its push waiting", async () => {
    const snapshotId = await queuePush();
    const { file } = await bodyInRow(snapshotId);
    // Copied and dropped by another instance sharing the folder, or the disk is gone.
    await rm(join(folder(), file ?? ""));
    expect(await relay.copySpooledBodies()).toBe(0);
    expect(await bodyInRow(snapshotId)).toEqual({ inRow: false, file });
    await relay.drainIntake();
    expect((await getIntake(db(), snapshotId))?.state).toBe("queued");
  });

  it("rejects a push whose body never reached PostgreSQL within the hour, so the client pushes it again", async () => {
    const lost = await queuePush();
    await rm(join(folder(), (await bodyInRow(lost)).file ?? ""));
    // Received just now: still within the hour, left waiting.
    const early = processor();
    await early.start();
    await early.stop();
    expect((await getIntake(db(), lost))?.state).toBe("queued");

    relay.clock.now = new Date(relay.clock.now.getTime() + 61 * 60 * 1000);
    const later = processor();
    await later.start();
    await later.stop();
    expect(await getIntake(db(), lost)).toMatchObject({
      state: "rejected",
      error: { status: 503, code: "push_lost" },
    });
    const status = await relay.request("GET", `/v1/companies/${companyId}/pushes/${lost}`);
    expect(await status.json()).toMatchObject({
      push: { state: "rejected", error: { status: 503, code: "push_lost" } },
    });
  });
});
