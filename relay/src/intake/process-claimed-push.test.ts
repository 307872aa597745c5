import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildEnvelope, gzipJson, PUSH_HEADERS } from "../../test/envelopes";
import { createTestRelay, type TestRelay } from "../../test/test-relay";
import { claimNextIntake } from "../db/push-intake";
import { countSnapshots } from "../db/snapshots";
import { inlinePushPreparer } from "../snapshots/push-preparer";
import { processClaimedPush } from "./process-claimed-push";

describe("a company deleted while its push is being processed (SQLite, spooled body)", () => {
  let relay: TestRelay;
  beforeAll(async () => {
    relay = await createTestRelay("sqlite");
  });
  afterAll(async () => {
    await relay?.close();
  });

  it("ends the push quietly: no snapshot, no error thrown, the spool file removed", async () => {
    const created = await relay.request("POST", "/v1/companies", { json: { name: "Gone Ltd" } });
    const companyId = ((await created.json()) as { company: { id: string } }).company.id;
    const envelope = buildEnvelope({ companyId });
    const accepted = await relay.request(
      "PUT",
      `/v1/companies/${companyId}/snapshots/${envelope.snapshotId}`,
      { body: gzipJson(envelope), headers: { ...PUSH_HEADERS, prefer: "respond-async" } },
    );
    expect(accepted.status).toBe(202);
    const db = relay.testDatabase.database.db;
    const claimed = await claimNextIntake(db, {
      owner: "me",
      now: new Date(),
      leaseMs: 60_000,
      bodyInRowOnly: false,
    });
    if (claimed === undefined) throw new Error("nothing claimed");
    expect(claimed.bodyFile).not.toBeNull();

    expect((await relay.request("DELETE", `/v1/companies/${companyId}`)).status).toBe(204);
    const before = await countSnapshots(db);
    const verdict = await processClaimedPush(
      {
        db,
        bodies: relay.intakeBodies,
        preparer: inlinePushPreparer,
        maxDecompressedBytes: 1024 * 1024,
        now: () => new Date(),
        pauseInsideTransactionMs: null,
      },
      claimed,
    );
    expect(verdict).toMatchObject({ state: "rejected", status: 404 });
    expect(await countSnapshots(db)).toBe(before);
    expect(await relay.intakeBodies.list()).toEqual([]);
  });
});
