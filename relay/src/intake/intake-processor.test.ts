import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { queueAsyncPush, testIntakeProcessor } from "../../test/intake-fixture";
import { createTestRelay, type TestRelay } from "../../test/test-relay";
import { claimNextIntake, getIntake } from "../db/push-intake";
import { inlinePushPreparer, type PushPreparer } from "../snapshots/push-preparer";

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe("the intake processor gives way to pushes being accepted", () => {
  let relay: TestRelay;
  let companyId: string;
  beforeAll(async () => {
    relay = await createTestRelay("sqlite");
    const created = await relay.request("POST", "/v1/companies", { json: { name: "Contoso" } });
    companyId = ((await created.json()) as { company: { id: string } }).company.id;
  });
  afterAll(async () => {
    await relay?.close();
  });

  const queuePush = () => queueAsyncPush(relay, companyId);
  const stateOf = async (snapshotId: string) =>
    (await getIntake(relay.testDatabase.database.db, snapshotId))?.state;
  const processor = (
    limits: { acceptQuietMs: number; maxHoldMs: number },
    options: { leaseMs?: number; preparer?: PushPreparer } = {},
  ) => testIntakeProcessor(relay, { ...options, ...limits });

  it("claims nothing while an accept is in progress, and resumes once accepts go quiet", async () => {
    const snapshotId = await queuePush();
    const intake = processor({ acceptQuietMs: 20, maxHoldMs: 60_000 });
    const release = intake.holdForAccept();
    await intake.drain();
    expect(await stateOf(snapshotId)).toBe("queued");
    release();
    release(); // twice is once
    // Still quiet-period: the next claim waits for it to pass.
    await intake.drain();
    expect(await stateOf(snapshotId)).toBe("queued");
    await sleep(60);
    await intake.drain();
    expect(await stateOf(snapshotId)).toBe("stored");
    await intake.stop();
  });

  it("processes anyway when accepts never pause", async () => {
    const snapshotId = await queuePush();
    const intake = processor({ acceptQuietMs: 20, maxHoldMs: 100 });
    const release = intake.holdForAccept();
    await intake.drain();
    expect(await stateOf(snapshotId)).toBe("queued");
    await sleep(150);
    await intake.drain();
    expect(await stateOf(snapshotId)).toBe("stored");
    release();
    await intake.stop();
  });

  it("keeps renewing its claim while a push takes longer than the lease, so no other instance takes it over", async () => {
    const snapshotId = await queuePush();
    let preparing: () => void = () => undefined;
    const started = new Promise<void>((resolve) => {
      preparing = resolve;
    });
    const slowPreparer: PushPreparer = {
      ...inlinePushPreparer,
      prepareGzip: async (...args) => {
        preparing();
        await sleep(900);
        return inlinePushPreparer.prepareGzip(...args);
      },
    };
    const intake = processor(
      { acceptQuietMs: 0, maxHoldMs: 0 },
      {
        leaseMs: 300,
        preparer: slowPreparer,
      },
    );
    const draining = intake.drain();
    await started;
    // Three leases' worth into the processing: without renewals the claim would have run out.
    await sleep(700);
    const takeover = await claimNextIntake(relay.testDatabase.database.db, {
      owner: "another-instance",
      now: new Date(),
      leaseMs: 60_000,
      bodyInRowOnly: false,
    });
    expect(takeover).toBeUndefined();
    await draining;
    expect(await getIntake(relay.testDatabase.database.db, snapshotId)).toMatchObject({
      state: "stored",
      attempts: 1,
    });
    await intake.stop();
  });
});
