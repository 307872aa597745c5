import { request as httpRequest } from "node:http";
import { afterAll, describe, expect, it } from "vitest";
import { connectDatabase } from "../../relay/src/db/connect";
import { totalBlobBytes } from "../../relay/src/db/dataset-blobs";
import { countSnapshots } from "../../relay/src/db/snapshots";
import { createEmptyDatabaseUrl, DIALECTS } from "../../relay/test/databases";
import { buildEnvelope, gzipJson, PUSH_HEADERS, userRow } from "../../relay/test/envelopes";
import type { SnapshotEnvelope } from "../../shared/src/snapshot/envelope";
import { RESPOND_ASYNC, type RelayClient, relayClient } from "./support/http-client";
import { spoolFiles, spoolFilesOnceSettled } from "./support/intake-spool";
import { awaitPushVerdict, pushStatusPath } from "./support/push-status";
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

/** What a store holds (of the given pushes), read straight from it while no relay runs. */
async function storeContents(databaseUrl: string, snapshotIds: readonly string[]) {
  const inspect = connectDatabase(databaseUrl);
  try {
    const db = inspect.db;
    const intake = await db
      .selectFrom("push_intake")
      .select(["snapshot_id", "state", "attempts", "body", "body_file"])
      .where("snapshot_id", "in", snapshotIds)
      .execute();
    return {
      snapshots: await countSnapshots(db),
      blobBytes: await totalBlobBytes(db),
      pushAuditEvents: (
        await db
          .selectFrom("audit_events")
          .select("id")
          .where("action", "=", "snapshot.push")
          .execute()
      ).length,
      intake: intake.map((row) => ({
        snapshotId: row.snapshot_id,
        state: row.state,
        claims: Number(row.attempts),
        bodyKept: row.body !== null || row.body_file !== null,
        bodyFile: row.body_file,
      })),
    };
  } finally {
    await inspect.close();
  }
}

/**
 * Sends the headers and the first half of a push's body, then nothing more: the relay is still
 * reading it when it is killed, so the client gets no answer at all.
 */
function sendHalfAPush(
  baseUrl: string,
  secret: string,
  path: string,
  body: Uint8Array,
  headers: Record<string, string>,
): Promise<string> {
  return new Promise((resolve) => {
    const request = httpRequest(new URL(path, baseUrl), {
      method: "PUT",
      headers: {
        ...headers,
        authorization: `Bearer ${secret}`,
        "content-length": String(body.byteLength),
      },
    });
    request.on("response", (response) => {
      response.resume();
      resolve(`answered ${response.statusCode}`);
    });
    request.on("error", () => resolve("connection lost"));
    request.write(body.subarray(0, Math.floor(body.byteLength / 2)));
  });
}

/**
 * Acceptance 2 for asynchronous pushes (`Prefer: respond-async`): the 202 promises that the push
 * survives a crash of the relay. Killed while processing it (inside the storing transaction), the
 * relay restarted on the same store finishes it: stored exactly once, never partly visible, and
 * its spool file gone. A push cut off before any answer lands exactly once when retried.
 */
describe.each(DIALECTS)("an asynchronous push when the relay is killed on %s", (dialect) => {
  const running: RelayProcess[] = [];
  const drops: (() => Promise<void>)[] = [];
  afterAll(async () => {
    for (const relay of running) await relay.kill();
    for (const drop of drops) await drop();
  });

  /**
   * A store and its first relay, paused inside every push transaction by the test-only hook. The
   * lease is short so that on PostgreSQL the restarted relay takes over the dead one's claim
   * without waiting the default minute (a SQLite relay frees all claims when it starts).
   */
  const firstLife = async (companyName: string, firstLifeEnv: Record<string, string> = {}) => {
    const database = await createEmptyDatabaseUrl(dialect);
    drops.push(database.drop);
    const env = { RELAY_DATABASE_URL: database.url, RELAY_INTAKE_LEASE_MS: "5000" };
    const relay = await startRelayProcess({
      ...env,
      ...firstLifeEnv,
      RELAY_TEST_PAUSE_INSIDE_PUSH_MS: "120000",
    });
    running.push(relay);
    const admin = relay.firstAdminSecret;
    if (admin === null) throw new Error("the first start printed no admin token");
    const companyId = await relayClient(relay.url, admin).createCompany(companyName);
    const restart = async () => {
      const second = await startRelayProcess(env);
      running.push(second);
      expect(second.firstAdminSecret).toBeNull();
      return relayClient(second.url, admin);
    };
    return { databaseUrl: database.url, relay, admin, companyId, restart };
  };

  const envelopeOf = (companyId: string, users: number) =>
    buildEnvelope({ companyId, users: Array.from({ length: users }, (_, i) => userRow(i)) });

  /** A snapshot is readable whole (every row) or not at all: never a part of it. */
  const expectWholeOrAbsent = async (
    client: RelayClient,
    companyId: string,
    envelope: ReturnType<typeof buildEnvelope>,
  ) => {
    const read = await client.call(
      "GET",
      `/v1/companies/${companyId}/snapshots/${envelope.snapshotId}`,
    );
    expect([200, 404]).toContain(read.status);
    if (read.status === 200) {
      const { snapshot } = (await read.json()) as { snapshot: SnapshotEnvelope };
      expect(snapshot.datasets.users?.rows).toEqual(envelope.datasets.users?.rows);
    } else {
      await read.arrayBuffer();
    }
    const listed = (await (
      await client.call("GET", `/v1/companies/${companyId}/snapshots`)
    ).json()) as { snapshots: { snapshotId: string; datasets: { users: { rowCount: number } } }[] };
    const mine = listed.snapshots.filter((s) => s.snapshotId === envelope.snapshotId);
    expect(mine.length).toBeLessThanOrEqual(1);
    for (const summary of mine) {
      expect(summary.datasets.users.rowCount).toBe(envelope.datasets.users?.rows.length);
    }
  };

  /** Stored exactly once: listed once, audited once, and a retry changes nothing. */
  const expectStoredOnce = async (
    client: RelayClient,
    companyId: string,
    envelopes: readonly ReturnType<typeof buildEnvelope>[],
  ) => {
    const listed = (await (
      await client.call("GET", `/v1/companies/${companyId}/snapshots`)
    ).json()) as { snapshots: { snapshotId: string }[] };
    expect(listed.snapshots.map((s) => s.snapshotId).sort()).toEqual(
      envelopes.map((e) => e.snapshotId).sort(),
    );
    const audit = (await (await client.call("GET", "/v1/audit?limit=500")).json()) as {
      events: { action: string; targetId: string }[];
    };
    for (const envelope of envelopes) {
      expect(
        audit.events.filter(
          (e) => e.action === "snapshot.push" && e.targetId === envelope.snapshotId,
        ),
      ).toHaveLength(1);
      const again = await client.pushAsync(companyId, envelope);
      expect(again.status).toBe(200);
      expect(((await again.json()) as { state: string }).state).toBe("unchanged");
      const synchronously = await client.push(companyId, envelope);
      expect(synchronously.status).toBe(200);
      await synchronously.arrayBuffer();
    }
  };

  it("finishes a push acknowledged with 202 and killed mid-processing, exactly once, after restart", async () => {
    const life = await firstLife("Async Crash Ltd");
    const client = relayClient(life.relay.url, life.admin);
    const envelope = envelopeOf(life.companyId, 200);
    const statusUrl = pushStatusPath(life.companyId, envelope.snapshotId);

    const accepted = await client.pushAsync(life.companyId, envelope);
    expect(accepted.status).toBe(202);
    expect(accepted.headers.get("location")).toBe(statusUrl);
    // The processor was nudged by the push and now holds the storing transaction open.
    await life.relay.waitForLine(/paused-inside-push-transaction/);
    await life.relay.kill();

    // Between the two lives: nothing of the snapshot committed, the push still queued with its
    // body (on SQLite the spool file the row names).
    const between = await storeContents(life.databaseUrl, [envelope.snapshotId]);
    expect(between).toMatchObject({ snapshots: 0, blobBytes: 0, pushAuditEvents: 0 });
    expect(between.intake).toMatchObject([{ state: "queued", bodyKept: true }]);
    const spooled = await spoolFiles(life.databaseUrl);
    if (dialect === "sqlite") {
      expect(spooled).toEqual([between.intake[0]?.bodyFile]);
    } else {
      expect(spooled).toEqual([]);
    }

    const after = await life.restart();
    const verdict = await awaitPushVerdict(after, statusUrl, {
      timeoutMs: 45_000,
      onPending: async (push) => {
        expect(["queued", "processing"]).toContain(push.state);
        await expectWholeOrAbsent(after, life.companyId, envelope);
      },
    });
    expect(verdict).toMatchObject({
      state: "stored",
      error: null,
      snapshotUrl: `/v1/companies/${life.companyId}/snapshots/${envelope.snapshotId}`,
    });
    const read = await after.call("GET", verdict.snapshotUrl ?? "");
    expect(read.status).toBe(200);
    const { snapshot } = (await read.json()) as { snapshot: SnapshotEnvelope };
    expect(snapshot.datasets.users?.rows).toEqual(envelope.datasets.users?.rows);
    await expectStoredOnce(after, life.companyId, [envelope]);
    expect(await spoolFilesOnceSettled(life.databaseUrl)).toEqual([]);
  });

  // On SQLite a push cannot even be accepted while the paused transaction holds the store's one
  // connection, so a push acknowledged but never claimed is set up on PostgreSQL only.
  it.runIf(dialect === "postgres")(
    "keeps a push acknowledged but not yet claimed through a kill, and stores it after restart",
    async () => {
      // One push at a time: the second waits in the queue while the first is held paused.
      const life = await firstLife("Waiting Ltd", { RELAY_PUSH_WORKERS: "1" });
      const client = relayClient(life.relay.url, life.admin);
      const processing = envelopeOf(life.companyId, 200);
      const waiting = envelopeOf(life.companyId, 120);
      expect((await client.pushAsync(life.companyId, processing)).status).toBe(202);
      await life.relay.waitForLine(/paused-inside-push-transaction/);
      expect((await client.pushAsync(life.companyId, waiting)).status).toBe(202);
      await life.relay.kill();

      const between = await storeContents(life.databaseUrl, [waiting.snapshotId]);
      expect(between).toMatchObject({ snapshots: 0, blobBytes: 0, pushAuditEvents: 0 });
      expect(between.intake).toMatchObject([{ state: "queued", claims: 0, bodyKept: true }]);

      const after = await life.restart();
      for (const envelope of [processing, waiting]) {
        const verdict = await awaitPushVerdict(
          after,
          pushStatusPath(life.companyId, envelope.snapshotId),
          {
            timeoutMs: 30_000,
            onPending: () => expectWholeOrAbsent(after, life.companyId, envelope),
          },
        );
        expect(verdict).toMatchObject({ state: "stored", error: null });
      }
      await expectStoredOnce(after, life.companyId, [processing, waiting]);
    },
  );

  it("lands a push cut off before any answer exactly once when the client retries it asynchronously", async () => {
    const life = await firstLife("Async Retry Ltd");
    const client = relayClient(life.relay.url, life.admin);
    // Two pushes the relay never answers: an asynchronous one whose body is still arriving, and
    // a synchronous one paused inside its transaction (the extension retries either with
    // `Prefer: respond-async`).
    const halfSent = envelopeOf(life.companyId, 150);
    const cutOffUpload = sendHalfAPush(
      life.relay.url,
      life.admin,
      `/v1/companies/${life.companyId}/snapshots/${halfSent.snapshotId}`,
      gzipJson(halfSent),
      { ...PUSH_HEADERS, ...RESPOND_ASYNC },
    );
    const paused = envelopeOf(life.companyId, 200);
    const pausedPush = client.push(life.companyId, paused).then(
      (response) => `answered ${response.status}`,
      () => "connection lost",
    );
    await life.relay.waitForLine(/paused-inside-push-transaction/);
    await life.relay.kill();
    expect(await cutOffUpload).toBe("connection lost");
    expect(await pausedPush).toBe("connection lost");

    const ids = [halfSent.snapshotId, paused.snapshotId];
    expect(await storeContents(life.databaseUrl, ids)).toEqual({
      snapshots: 0,
      blobBytes: 0,
      pushAuditEvents: 0,
      intake: [],
    });

    const after = await life.restart();
    for (const envelope of [halfSent, paused]) {
      const unknown = await after.call("GET", pushStatusPath(life.companyId, envelope.snapshotId));
      expect(unknown.status).toBe(404);
      await unknown.arrayBuffer();
      const retry = await after.pushAsync(life.companyId, envelope);
      expect(retry.status).toBe(202);
      const statusUrl = retry.headers.get("location") ?? "";
      expect(statusUrl).toBe(pushStatusPath(life.companyId, envelope.snapshotId));
      const verdict = await awaitPushVerdict(after, statusUrl, {
        timeoutMs: 30_000,
        onPending: () => expectWholeOrAbsent(after, life.companyId, envelope),
      });
      expect(verdict).toMatchObject({ state: "stored", error: null });
    }
    await expectStoredOnce(after, life.companyId, [halfSent, paused]);
    expect(await spoolFilesOnceSettled(life.databaseUrl)).toEqual([]);
  });
});
