import { afterAll, describe, expect, it } from "vitest";
import { createEmptyDatabaseUrl, DIALECTS } from "../../relay/test/databases";
import { buildEnvelope, userRow } from "../../relay/test/envelopes";
import { relayClient } from "./support/http-client";
import { type RelayProcess, startRelayProcess } from "./support/relay-process";

/**
 * Acceptance 2: the relay process is SIGKILLed in the middle of a push (inside the database
 * transaction, after every row is written, before commit). After a restart no part of that
 * snapshot is visible, and the client's retry lands exactly once.
 */
describe.each(DIALECTS)("a relay killed mid-push on %s", (dialect) => {
  const running: RelayProcess[] = [];
  let dropDatabase: (() => Promise<void>) | undefined;
  afterAll(async () => {
    for (const relay of running) await relay.kill();
    await dropDatabase?.();
  });

  it("shows no partial snapshot after restart and stores the retry exactly once", async () => {
    const database = await createEmptyDatabaseUrl(dialect);
    dropDatabase = database.drop;
    const env = { RELAY_DATABASE_URL: database.url };

    // First life: paused inside the push transaction by the test-only hook, then killed.
    const first = await startRelayProcess({ ...env, RELAY_TEST_PAUSE_INSIDE_PUSH_MS: "120000" });
    running.push(first);
    const admin = first.firstAdminSecret;
    if (admin === null) throw new Error("the first start printed no admin token");
    const client = relayClient(first.url, admin);
    const companyId = await client.createCompany("Crash Ltd");
    const envelope = buildEnvelope({
      companyId,
      users: Array.from({ length: 200 }, (_, i) => userRow(i)),
    });

    const inFlight = client.push(companyId, envelope).then(
      (response) => `answered ${response.status}`,
      () => "connection lost",
    );
    await first.waitForLine(/paused-inside-push-transaction/);
    await first.kill();
    expect(await inFlight).toBe("connection lost");

    // Second life: same store, no hook.
    const second = await startRelayProcess(env);
    running.push(second);
    expect(second.firstAdminSecret).toBeNull();
    const after = relayClient(second.url, admin);
    expect(
      (await after.call("GET", `/v1/companies/${companyId}/snapshots/${envelope.snapshotId}`))
        .status,
    ).toBe(404);
    expect((await after.call("GET", `/v1/companies/${companyId}/snapshots/latest`)).status).toBe(
      404,
    );
    const listed = (await (
      await after.call("GET", `/v1/companies/${companyId}/snapshots`)
    ).json()) as {
      snapshots: unknown[];
    };
    expect(listed.snapshots).toEqual([]);

    const retry = await after.push(companyId, envelope);
    expect(retry.status).toBe(201);
    const again = await after.push(companyId, envelope);
    expect(again.status).toBe(200);
    const final = (await (
      await after.call("GET", `/v1/companies/${companyId}/snapshots`)
    ).json()) as {
      snapshots: { snapshotId: string; datasets: { users: { rowCount: number } } }[];
    };
    expect(final.snapshots.map((s) => s.snapshotId)).toEqual([envelope.snapshotId]);
    expect(final.snapshots[0]?.datasets.users.rowCount).toBe(200);
    const audit = (await (await after.call("GET", "/v1/audit?limit=500")).json()) as {
      events: { action: string; targetId: string }[];
    };
    expect(
      audit.events.filter(
        (e) => e.action === "snapshot.push" && e.targetId === envelope.snapshotId,
      ),
    ).toHaveLength(1);
  });
});
