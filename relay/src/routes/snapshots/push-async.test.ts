import { randomUUID } from "node:crypto";
import { gzipSync } from "node:zlib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { SnapshotEnvelope } from "../../../../shared/src/snapshot/envelope";
import { DIALECTS } from "../../../test/databases";
import { buildEnvelope, gzipJson, PUSH_HEADERS, userRow } from "../../../test/envelopes";
import { createTestRelay, errorCode, type TestRelay } from "../../../test/test-relay";
import { totalBlobBytes } from "../../db/dataset-blobs";
import { claimNextIntake } from "../../db/push-intake";
import { countSnapshots } from "../../db/snapshots";
import type { PushStatus } from "../pushes";

const ASYNC_HEADERS = { ...PUSH_HEADERS, prefer: "respond-async" };
const LIMITS = {
  RELAY_MAX_COMPRESSED_BYTES: String(256 * 1024),
  RELAY_MAX_DECOMPRESSED_BYTES: String(2 * 1024 * 1024),
  RELAY_INTAKE_LEASE_MS: "60000",
};

describe.each(DIALECTS)("asynchronous pushes (Prefer: respond-async) on %s", (dialect) => {
  let relay: TestRelay;
  let companyId: string;
  let otherCompanyId: string;

  const db = () => relay.testDatabase.database.db;
  const push = (
    envelope: SnapshotEnvelope,
    options: {
      company?: string;
      body?: Uint8Array<ArrayBuffer>;
      headers?: Record<string, string>;
    } = {},
  ) =>
    relay.request(
      "PUT",
      `/v1/companies/${options.company ?? companyId}/snapshots/${envelope.snapshotId}`,
      {
        token: relay.secrets.technician,
        body: options.body ?? gzipJson(envelope),
        headers: options.headers ?? ASYNC_HEADERS,
      },
    );
  const status = async (snapshotId: string, company = companyId): Promise<PushStatus> => {
    const response = await relay.request("GET", `/v1/companies/${company}/pushes/${snapshotId}`, {
      token: relay.secrets.viewer,
    });
    expect(response.status).toBe(200);
    return ((await response.json()) as { push: PushStatus }).push;
  };
  const createCompany = async (name: string) => {
    const response = await relay.request("POST", "/v1/companies", { json: { name } });
    return ((await response.json()) as { company: { id: string } }).company.id;
  };
  /** Bodies still kept anywhere: in a row's column or as spool files. */
  const intakeBodies = async () => {
    const rows = await db().selectFrom("push_intake").select(["body", "body_file"]).execute();
    const kept = rows.filter((row) => row.body !== null).length;
    const files = await relay.intakeBodies.list();
    return kept + files.length;
  };

  beforeAll(async () => {
    relay = await createTestRelay(dialect, LIMITS);
    companyId = await createCompany("Contoso");
    otherCompanyId = await createCompany("Fabrikam");
  });
  afterAll(async () => {
    await relay?.close();
  });

  it("answers 202 with a status resource, and stores the snapshot once processed", async () => {
    const envelope = buildEnvelope({ companyId });
    const accepted = await push(envelope);
    expect(accepted.status).toBe(202);
    const statusUrl = `/v1/companies/${companyId}/pushes/${envelope.snapshotId}`;
    expect(accepted.headers.get("location")).toBe(statusUrl);
    expect(accepted.headers.get("preference-applied")).toBe("respond-async");
    expect(accepted.headers.get("retry-after")).toBe("1");
    expect(await accepted.json()).toEqual({
      snapshotId: envelope.snapshotId,
      companyId,
      state: "queued",
      statusUrl,
    });

    // Acknowledged, not yet visible: nobody ever reads a snapshot that has not been validated.
    expect((await status(envelope.snapshotId)).state).toBe("queued");
    // Kept durably until processed: a file in the relay's spool folder, named by the row.
    const intakeRow = () =>
      db()
        .selectFrom("push_intake")
        .select(["body", "body_file"])
        .where("snapshot_id", "=", envelope.snapshotId)
        .executeTakeFirstOrThrow();
    const row = await intakeRow();
    expect(row.body).toBeNull();
    expect(row.body_file).toMatch(new RegExp(`^${envelope.snapshotId}\\.[0-9a-f]{16}\\.gz$`));
    expect(await intakeBodies()).toBe(1);
    if (dialect === "postgres") {
      // Claimable only once the body is in PostgreSQL, where any instance can read it.
      const early = await claimNextIntake(db(), {
        owner: "other-instance",
        now: relay.clock.now,
        leaseMs: 60_000,
        bodyInRowOnly: true,
      });
      expect(early).toBeUndefined();
      expect(await relay.copySpooledBodies()).toBe(1);
      const copied = await intakeRow();
      expect(copied.body?.byteLength).toBe(gzipJson(envelope).byteLength);
      expect(copied.body_file).toBeNull();
      expect(await relay.intakeBodies.list()).toEqual([]);
      expect(await intakeBodies()).toBe(1);
    }
    const before = await relay.request(
      "GET",
      `/v1/companies/${companyId}/snapshots/${envelope.snapshotId}`,
    );
    expect(before.status).toBe(404);

    await relay.drainIntake();
    const done = await status(envelope.snapshotId);
    expect(done).toMatchObject({
      state: "stored",
      error: null,
      snapshotUrl: `/v1/companies/${companyId}/snapshots/${envelope.snapshotId}`,
    });
    expect(done.finishedAt).not.toBeNull();
    const read = await relay.request("GET", done.snapshotUrl ?? "");
    const body = (await read.json()) as { snapshot: SnapshotEnvelope };
    expect(body.snapshot.datasets.users?.rows).toEqual(envelope.datasets.users?.rows);
    // The body is dropped once processed; the outcome stays for the status resource.
    expect(await intakeBodies()).toBe(0);

    const audit = await relay.request("GET", "/v1/audit?limit=5");
    const events = ((await audit.json()) as { events: { action: string; targetId: string }[] })
      .events;
    expect(events).toContainEqual(
      expect.objectContaining({ action: "snapshot.push", targetId: envelope.snapshotId }),
    );
  });

  it("treats a retry as the same push: 202 while queued, 200 once stored, one snapshot", async () => {
    const envelope = buildEnvelope({ companyId });
    expect((await push(envelope)).status).toBe(202);
    expect((await push(envelope)).status).toBe(202);
    const snapshotsBefore = await countSnapshots(db());
    await relay.drainIntake();
    expect(await countSnapshots(db())).toBe(snapshotsBefore + 1);
    const again = await push(envelope);
    expect(again.status).toBe(200);
    expect(((await again.json()) as { state: string }).state).toBe("unchanged");
    await relay.drainIntake();
    expect(await countSnapshots(db())).toBe(snapshotsBefore + 1);
  });

  it("refuses a different body for an id still queued with 409 push_in_progress", async () => {
    const envelope = buildEnvelope({ companyId });
    expect((await push(envelope)).status).toBe(202);
    const other = buildEnvelope({
      companyId,
      snapshotId: envelope.snapshotId,
      users: [userRow(7)],
    });
    const refused = await push(other);
    expect(refused.status).toBe(409);
    expect(await errorCode(refused)).toBe("push_in_progress");
    await relay.drainIntake();
    expect((await status(envelope.snapshotId)).state).toBe("stored");
  });

  it("records the same verdicts a synchronous push answers with, storing nothing", async () => {
    const snapshotsBefore = await countSnapshots(db());
    const blobBytesBefore = await totalBlobBytes(db());
    const valid = buildEnvelope({ companyId });
    const users = valid.datasets.users;
    if (users === undefined) throw new Error("no users");
    const cases: [SnapshotEnvelope, Uint8Array<ArrayBuffer>, number, string][] = [
      [buildEnvelope(), new Uint8Array(gzipSync("{not json")), 400, "invalid_json"],
      [valid, gzipJson({ ...valid, tenantId: 42 }), 422, "invalid_snapshot"],
      [
        buildEnvelope({ companyId }),
        gzipJson({ ...valid, datasets: { users: { ...users, rows: [userRow(99)] } } }),
        422,
        "snapshot_id_mismatch",
      ],
    ];
    const lying = buildEnvelope({ companyId });
    cases.push([
      lying,
      gzipJson({ ...lying, datasets: { users: { ...users, rows: [userRow(99)] } } }),
      422,
      "content_hash_mismatch",
    ]);
    // A zip bomb whose trailer lies about its size gets past the quick check and is stopped
    // while inflating, as a synchronous push is.
    const bomb = Buffer.from(gzipSync(Buffer.alloc(16 * 1024 * 1024)));
    bomb.writeUInt32LE(1024, bomb.byteLength - 4);
    cases.push([buildEnvelope({ companyId }), new Uint8Array(bomb), 413, "payload_too_large"]);

    for (const [envelope, body] of cases) {
      expect((await push(envelope, { body })).status).toBe(202);
    }
    await relay.drainIntake();
    for (const [envelope, , httpStatus, code] of cases) {
      const verdict = await status(envelope.snapshotId);
      expect(verdict).toMatchObject({
        state: "rejected",
        error: { status: httpStatus, code },
        snapshotUrl: null,
      });
      expect(verdict.error?.message).not.toBe("");
    }
    expect(await countSnapshots(db())).toBe(snapshotsBefore);
    expect(await totalBlobBytes(db())).toBe(blobBytesBefore);
    expect(await intakeBodies()).toBe(0);
  });

  it("lets a rejected push be corrected and pushed again under the same id", async () => {
    const envelope = buildEnvelope({ companyId });
    expect((await push(envelope, { body: gzipJson({ ...envelope, tenantId: 1 }) })).status).toBe(
      202,
    );
    await relay.drainIntake();
    expect((await status(envelope.snapshotId)).state).toBe("rejected");
    expect((await push(envelope)).status).toBe(202);
    expect((await status(envelope.snapshotId)).state).toBe("queued");
    await relay.drainIntake();
    expect(await status(envelope.snapshotId)).toMatchObject({ state: "stored", error: null });
  });

  it("refuses at once what the bytes alone show: not gzip, a declared oversize, wrong headers", async () => {
    const envelope = buildEnvelope({ companyId });
    const notGzip = await push(envelope, {
      body: new TextEncoder().encode(JSON.stringify(envelope)),
    });
    expect([notGzip.status, await errorCode(notGzip)]).toEqual([400, "invalid_gzip"]);
    const truncated = await push(envelope, { body: new Uint8Array([0x1f, 0x8b, 8, 0, 1, 2]) });
    expect([truncated.status, await errorCode(truncated)]).toEqual([400, "invalid_gzip"]);
    const honestBomb = new Uint8Array(gzipSync(Buffer.alloc(8 * 1024 * 1024)));
    const declared = await push(envelope, { body: honestBomb });
    expect([declared.status, await errorCode(declared)]).toEqual([413, "payload_too_large"]);
    const huge = new Uint8Array(300 * 1024).map((_, i) => (i * 7919) % 256);
    huge.set([0x1f, 0x8b, 8], 0);
    const tooBig = await push(envelope, { body: huge });
    expect([tooBig.status, await errorCode(tooBig)]).toEqual([413, "payload_too_large"]);
    const plain = await push(envelope, {
      headers: { "content-type": "application/json", prefer: "respond-async" },
    });
    expect([plain.status, await errorCode(plain)]).toEqual([415, "unsupported_content_encoding"]);
    const nothingQueued = await relay.request(
      "GET",
      `/v1/companies/${companyId}/pushes/${envelope.snapshotId}`,
    );
    expect(nothingQueued.status).toBe(404);
  });

  it("refuses an id another company uses with 409, queued or stored", async () => {
    const queued = buildEnvelope();
    expect((await push(queued)).status).toBe(202);
    const elsewhere = await push(queued, { company: otherCompanyId });
    expect([elsewhere.status, await errorCode(elsewhere)]).toEqual([409, "snapshot_conflict"]);
    await relay.drainIntake();
    const stored = await push(queued, { company: otherCompanyId });
    expect([stored.status, await errorCode(stored)]).toEqual([409, "snapshot_conflict"]);
    // Another company's push is not found through this one's status resource.
    const hidden = await relay.request(
      "GET",
      `/v1/companies/${otherCompanyId}/pushes/${queued.snapshotId}`,
    );
    expect(hidden.status).toBe(404);
  });

  it("rejects different content under a stored id with 409 snapshot_conflict", async () => {
    const envelope = buildEnvelope({ companyId });
    expect((await push(envelope, { headers: PUSH_HEADERS })).status).toBe(201);
    const changed = buildEnvelope({
      companyId,
      snapshotId: envelope.snapshotId,
      users: [userRow(5)],
    });
    expect((await push(changed)).status).toBe(202);
    await relay.drainIntake();
    expect(await status(envelope.snapshotId)).toMatchObject({
      state: "rejected",
      error: { status: 409, code: "snapshot_conflict" },
    });
  });

  it("shows a synchronously pushed snapshot as stored, and an unknown id as 404", async () => {
    const envelope = buildEnvelope({ companyId });
    expect((await push(envelope, { headers: PUSH_HEADERS })).status).toBe(201);
    expect(await status(envelope.snapshotId)).toMatchObject({ state: "stored", error: null });
    const unknown = await relay.request("GET", `/v1/companies/${companyId}/pushes/${randomUUID()}`);
    expect([unknown.status, await errorCode(unknown)]).toEqual([404, "not_found"]);
  });

  it("reports 'processing' while an instance holds the claim, and takes over a lapsed claim", async () => {
    const envelope = buildEnvelope({ companyId });
    expect((await push(envelope)).status).toBe(202);
    await relay.copySpooledBodies();
    // Another instance claims it, then dies without a verdict.
    const claimed = await claimNextIntake(db(), {
      owner: "dead-instance",
      now: relay.clock.now,
      leaseMs: 60_000,
      bodyInRowOnly: dialect === "postgres",
    });
    expect(claimed?.snapshotId).toBe(envelope.snapshotId);
    expect((await status(envelope.snapshotId)).state).toBe("processing");
    await relay.drainIntake();
    expect((await status(envelope.snapshotId)).state).toBe("processing");

    relay.clock.now = new Date(relay.clock.now.getTime() + 61_000);
    expect((await status(envelope.snapshotId)).state).toBe("queued");
    await relay.drainIntake();
    expect((await status(envelope.snapshotId)).state).toBe("stored");
  });

  it("rejects a push whose processing keeps failing, instead of trying for ever", async () => {
    const envelope = buildEnvelope({ companyId });
    expect((await push(envelope)).status).toBe(202);
    await relay.copySpooledBodies();
    // Three claims that never finished: three relays crashed while processing it.
    for (let crash = 0; crash < 3; crash += 1) {
      const claimed = await claimNextIntake(db(), {
        owner: `crashed-${crash}`,
        now: relay.clock.now,
        leaseMs: 1_000,
        bodyInRowOnly: dialect === "postgres",
      });
      expect(claimed?.snapshotId).toBe(envelope.snapshotId);
      relay.clock.now = new Date(relay.clock.now.getTime() + 2_000);
    }
    await relay.drainIntake();
    expect(await status(envelope.snapshotId)).toMatchObject({
      state: "rejected",
      error: { status: 422, code: "unprocessable_snapshot" },
    });
    expect(await intakeBodies()).toBe(0);
  });

  it("answers 503 with Retry-After when too many bytes wait to be processed", async () => {
    const small = await createTestRelay(dialect, { RELAY_INTAKE_MAX_QUEUED_BYTES: "1000" });
    try {
      const company = (
        (await (
          await small.request("POST", "/v1/companies", { json: { name: "Small" } })
        ).json()) as { company: { id: string } }
      ).company.id;
      const pushSmall = (envelope: SnapshotEnvelope) =>
        small.request("PUT", `/v1/companies/${company}/snapshots/${envelope.snapshotId}`, {
          body: gzipJson(envelope),
          headers: ASYNC_HEADERS,
        });
      // Each body is ~640 bytes gzip: one fits under 1,000 queued bytes, two do not.
      const first = buildEnvelope({ companyId: company });
      expect(gzipJson(first).byteLength).toBeGreaterThan(500);
      expect((await pushSmall(first)).status).toBe(202);
      const second = buildEnvelope({ companyId: company });
      const full = await pushSmall(second);
      expect([full.status, await errorCode(full)]).toEqual([503, "intake_full"]);
      expect(full.headers.get("retry-after")).toBe("10");
      await small.drainIntake();
      expect((await pushSmall(second)).status).toBe(202);
    } finally {
      await small.close();
    }
  });
});
