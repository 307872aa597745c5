import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { connectDatabase, type RelayDatabase } from "../../relay/src/db/connect";
import { createEmptyDatabaseUrl } from "../../relay/test/databases";
import { buildEnvelope, userRow } from "../../relay/test/envelopes";
import { intakeDirFor } from "../../relay/test/intake-dir";
import type { SnapshotEnvelope } from "../../shared/src/snapshot/envelope";
import { relayClient } from "./support/http-client";
import { awaitPushVerdict, pushStatusPath } from "./support/push-status";
import { type RelayProcess, startRelayProcess } from "./support/relay-process";

/**
 * Acceptance 5: two relay processes on one PostgreSQL database. They start together (one
 * migration, one first admin token), serve the same data, and racing pushes of one snapshot
 * store it once.
 */
/**
 * An instance with a spool folder of its own, as on a host of its own: a push it accepted can be
 * processed by another only once it has copied the body into PostgreSQL.
 */
const onItsOwnDisk = (databaseUrl: string, name: string, env: Record<string, string> = {}) =>
  startRelayProcess({
    RELAY_DATABASE_URL: databaseUrl,
    RELAY_INTAKE_DIR: join(intakeDirFor(databaseUrl), name),
    ...env,
  });

describe("two relay processes on one PostgreSQL", () => {
  let a: RelayProcess;
  let b: RelayProcess;
  let drop: () => Promise<void>;
  let inspect: RelayDatabase;
  let admin: string;

  beforeAll(async () => {
    const database = await createEmptyDatabaseUrl("postgres");
    drop = database.drop;
    [a, b] = await Promise.all([onItsOwnDisk(database.url, "a"), onItsOwnDisk(database.url, "b")]);
    const secrets = [a.firstAdminSecret, b.firstAdminSecret].filter((s) => s !== null);
    expect(secrets).toHaveLength(1);
    admin = secrets[0] ?? "";
    inspect = connectDatabase(database.url);
  }, 120_000);
  afterAll(async () => {
    await Promise.all([a?.stop(), b?.stop()]);
    await inspect?.close();
    await drop?.();
  });

  it("reads through one instance a company created through the other", async () => {
    const companyId = await relayClient(a.url, admin).createCompany("Shared Ltd");
    const response = await relayClient(b.url, admin).call("GET", `/v1/companies/${companyId}`);
    expect(response.status).toBe(200);
    expect(((await response.json()) as { company: { name: string } }).company.name).toBe(
      "Shared Ltd",
    );
  });

  it("stores a snapshot pushed to both instances at once exactly once", async () => {
    const companyId = await relayClient(a.url, admin).createCompany("Race Ltd");
    for (let round = 0; round < 8; round += 1) {
      const users = Array.from({ length: 300 }, (_, i) =>
        userRow(i, { displayName: `Round ${round} user ${i}` }),
      );
      const envelope = buildEnvelope({ companyId, users });
      const statuses = await Promise.all(
        [a, b].map(
          async (instance) =>
            (await relayClient(instance.url, admin).push(companyId, envelope)).status,
        ),
      );
      expect(statuses.sort()).toEqual([200, 201]);
      const rows = await inspect.db
        .selectFrom("snapshots")
        .select("id")
        .where("id", "=", envelope.snapshotId)
        .execute();
      expect(rows).toHaveLength(1);
    }
    const blobs = await inspect.db.selectFrom("dataset_blobs").select("content_hash").execute();
    expect(new Set(blobs.map((blob) => blob.content_hash)).size).toBe(blobs.length);
    const audited = await inspect.db
      .selectFrom("audit_events")
      .select("id")
      .where("action", "=", "snapshot.push")
      .execute();
    expect(audited).toHaveLength(8);
  });

  it("lets one of two racing pushes of different content under one id win, and refuses the other with 409", async () => {
    const companyId = await relayClient(b.url, admin).createCompany("Conflict Ltd");
    const first = buildEnvelope({ companyId, users: [userRow(1)] });
    const second = buildEnvelope({ companyId, snapshotId: first.snapshotId, users: [userRow(2)] });
    const statuses = await Promise.all([
      relayClient(a.url, admin)
        .push(companyId, first)
        .then((r) => r.status),
      relayClient(b.url, admin)
        .push(companyId, second)
        .then((r) => r.status),
    ]);
    expect(statuses.sort()).toEqual([201, 409]);
  });
});

/**
 * Acceptance 5 for asynchronous pushes (`Prefer: respond-async`): whichever instance accepts a
 * push, any instance may process it (a lease in the shared table hands each push to one), and
 * every instance answers for its status and its snapshot.
 */
describe("asynchronous pushes across two relay processes on one PostgreSQL", () => {
  let a: RelayProcess;
  let b: RelayProcess;
  let databaseUrl: string;
  let drop: () => Promise<void>;
  let inspect: RelayDatabase;
  let admin: string;
  const extra: RelayProcess[] = [];

  beforeAll(async () => {
    const database = await createEmptyDatabaseUrl("postgres");
    databaseUrl = database.url;
    drop = database.drop;
    [a, b] = await Promise.all([onItsOwnDisk(database.url, "a"), onItsOwnDisk(database.url, "b")]);
    admin = [a.firstAdminSecret, b.firstAdminSecret].find((s) => s !== null) ?? "";
    inspect = connectDatabase(database.url);
  }, 120_000);
  afterAll(async () => {
    await Promise.all([a?.stop(), b?.stop(), ...extra.map((relay) => relay.kill())]);
    await inspect?.close();
    await drop?.();
  });

  const bigEnvelope = (companyId: string, label: string) =>
    buildEnvelope({
      companyId,
      users: Array.from({ length: 300 }, (_, i) => userRow(i, { displayName: `${label} ${i}` })),
    });
  const storedCopies = async (snapshotId: string) =>
    (await inspect.db.selectFrom("snapshots").select("id").where("id", "=", snapshotId).execute())
      .length;
  const pushAudits = async (snapshotId: string) =>
    (
      await inspect.db
        .selectFrom("audit_events")
        .select("id")
        .where("action", "=", "snapshot.push")
        .where("target_id", "=", snapshotId)
        .execute()
    ).length;

  it("processes a push accepted by one instance and serves it and its status through the other", async () => {
    const throughA = relayClient(a.url, admin);
    const throughB = relayClient(b.url, admin);
    const companyId = await throughA.createCompany("Async Shared Ltd");
    const envelope = bigEnvelope(companyId, "Shared");

    const accepted = await throughA.pushAsync(companyId, envelope);
    expect(accepted.status).toBe(202);
    const statusUrl = accepted.headers.get("location") ?? "";
    expect(statusUrl).toBe(pushStatusPath(companyId, envelope.snapshotId));

    const verdict = await awaitPushVerdict(throughB, statusUrl, { timeoutMs: 30_000 });
    expect(verdict).toMatchObject({ state: "stored", error: null });
    const read = await throughB.call("GET", verdict.snapshotUrl ?? "");
    expect(read.status).toBe(200);
    const { snapshot } = (await read.json()) as { snapshot: SnapshotEnvelope };
    expect(snapshot.datasets.users?.rows).toEqual(envelope.datasets.users?.rows);
    const seenByA = await awaitPushVerdict(throughA, statusUrl, { timeoutMs: 5_000 });
    expect(seenByA).toEqual(verdict);
  });

  it("stores an asynchronous push raced through both instances once, with one status on both", async () => {
    const companyId = await relayClient(a.url, admin).createCompany("Async Race Ltd");
    const clients = [relayClient(a.url, admin), relayClient(b.url, admin)];
    for (let round = 0; round < 6; round += 1) {
      const envelope = bigEnvelope(companyId, `Round ${round}`);
      const answers = await Promise.all(
        clients.map(async (client) => {
          const response = await client.pushAsync(companyId, envelope);
          return { status: response.status, body: await response.json() };
        }),
      );
      // Both queue the same push (202), or the second finds it stored already (200 unchanged).
      expect(answers.map((answer) => answer.status)).toContain(202);
      for (const answer of answers) {
        expect(answer.body).toMatchObject(
          answer.status === 202 ? { state: "queued" } : { state: "unchanged" },
        );
      }
      const statusUrl = pushStatusPath(companyId, envelope.snapshotId);
      const verdicts = await Promise.all(
        clients.map((client) => awaitPushVerdict(client, statusUrl, { timeoutMs: 30_000 })),
      );
      expect(verdicts.map((verdict) => verdict.state)).toEqual(["stored", "stored"]);
      expect(verdicts[0]).toEqual(verdicts[1]);
      expect(await storedCopies(envelope.snapshotId)).toBe(1);
      expect(await pushAudits(envelope.snapshotId)).toBe(1);
    }
  });

  it("stores a snapshot raced as a synchronous push on one instance and an asynchronous one on the other once", async () => {
    const companyId = await relayClient(b.url, admin).createCompany("Mixed Race Ltd");
    for (let round = 0; round < 4; round += 1) {
      const envelope = bigEnvelope(companyId, `Mixed ${round}`);
      const [synchronous, asynchronous] = await Promise.all([
        relayClient(a.url, admin).push(companyId, envelope),
        relayClient(b.url, admin).pushAsync(companyId, envelope),
      ]);
      expect([200, 201]).toContain(synchronous.status);
      expect([200, 202]).toContain(asynchronous.status);
      const verdict = await awaitPushVerdict(
        relayClient(a.url, admin),
        pushStatusPath(companyId, envelope.snapshotId),
        { timeoutMs: 30_000 },
      );
      // "unchanged" when the synchronous push had stored it by the time the queued one ran.
      expect(["stored", "unchanged"]).toContain(verdict.state);
      expect(await storedCopies(envelope.snapshotId)).toBe(1);
      expect(await pushAudits(envelope.snapshotId)).toBe(1);
    }
  });

  it("finishes on a surviving instance a push whose instance was killed while processing it", async () => {
    const companyId = await relayClient(a.url, admin).createCompany("Takeover Ltd");
    // A third instance that pauses inside every push transaction, with a short lease so the
    // survivors take its claim over soon after it dies.
    const doomed = await onItsOwnDisk(databaseUrl, "doomed", {
      RELAY_INTAKE_LEASE_MS: "3000",
      RELAY_TEST_PAUSE_INSIDE_PUSH_MS: "120000",
    });
    extra.push(doomed);
    const throughDoomed = relayClient(doomed.url, admin);

    // The doomed instance is nudged by its own push and claims it at once; A or B would only
    // find it at their next poll. Should one of them win anyway, push again.
    let envelope = bigEnvelope(companyId, "Takeover 0");
    for (let attempt = 1; ; attempt += 1) {
      expect((await throughDoomed.pushAsync(companyId, envelope)).status).toBe(202);
      // The loser of the race settles later (or rejects when the doomed instance exits): its
      // outcome is irrelevant then, hence the catches.
      const claimedByDoomed = await Promise.race([
        doomed
          .waitForLine(new RegExp(`"snapshotId":"${envelope.snapshotId}".*paused-inside-push`))
          .then(
            () => true,
            () => false,
          ),
        awaitPushVerdict(
          relayClient(a.url, admin),
          pushStatusPath(companyId, envelope.snapshotId),
          { timeoutMs: 30_000 },
        ).then(
          () => false,
          () => false,
        ),
      ]);
      if (claimedByDoomed) break;
      if (attempt === 3) throw new Error("the doomed instance never claimed its own push");
      envelope = bigEnvelope(companyId, `Takeover ${attempt}`);
    }
    await doomed.kill();
    expect(await storedCopies(envelope.snapshotId)).toBe(0);

    const verdict = await awaitPushVerdict(
      relayClient(b.url, admin),
      pushStatusPath(companyId, envelope.snapshotId),
      { timeoutMs: 45_000 },
    );
    expect(verdict).toMatchObject({ state: "stored", error: null });
    expect(await storedCopies(envelope.snapshotId)).toBe(1);
    expect(await pushAudits(envelope.snapshotId)).toBe(1);
    const read = await relayClient(a.url, admin).call("GET", verdict.snapshotUrl ?? "");
    expect(read.status).toBe(200);
    await read.arrayBuffer();
  });
});
