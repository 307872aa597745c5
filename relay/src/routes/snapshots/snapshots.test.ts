import { randomUUID } from "node:crypto";
import { gzipSync } from "node:zlib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { SnapshotEnvelope } from "../../../../shared/src/snapshot/envelope";
import { DIALECTS } from "../../../test/databases";
import { buildEnvelope, gzipJson, PUSH_HEADERS, userRow } from "../../../test/envelopes";
import { createTestRelay, errorCode, type TestRelay } from "../../../test/test-relay";
import { totalBlobBytes } from "../../db/dataset-blobs";
import { countSnapshots } from "../../db/snapshots";

const LIMITS = {
  RELAY_MAX_COMPRESSED_BYTES: String(256 * 1024),
  RELAY_MAX_DECOMPRESSED_BYTES: String(2 * 1024 * 1024),
};

describe.each(DIALECTS)("snapshot routes on %s", (dialect) => {
  let relay: TestRelay;
  let companyId: string;
  let otherCompanyId: string;

  const push = (
    envelope: SnapshotEnvelope,
    options: {
      company?: string;
      id?: string;
      body?: Uint8Array<ArrayBuffer>;
      headers?: Record<string, string>;
    } = {},
  ) =>
    relay.request(
      "PUT",
      `/v1/companies/${options.company ?? companyId}/snapshots/${options.id ?? envelope.snapshotId}`,
      {
        token: relay.secrets.technician,
        body: options.body ?? gzipJson(envelope),
        headers: options.headers ?? PUSH_HEADERS,
      },
    );
  const get = (path: string) =>
    relay.request("GET", `/v1/companies/${companyId}${path}`, { token: relay.secrets.viewer });
  const createCompany = async (name: string) => {
    const response = await relay.request("POST", "/v1/companies", { json: { name } });
    return ((await response.json()) as { company: { id: string } }).company.id;
  };

  beforeAll(async () => {
    relay = await createTestRelay(dialect, LIMITS);
    companyId = await createCompany("Contoso");
    otherCompanyId = await createCompany("Fabrikam");
  });
  afterAll(async () => {
    await relay?.close();
  });

  it("stores a push with 201, answers an identical retry with 200 and stores it once", async () => {
    const envelope = buildEnvelope({ companyId });
    const first = await push(envelope);
    expect(first.status).toBe(201);
    expect(await first.json()).toEqual({
      snapshotId: envelope.snapshotId,
      companyId,
      stored: "created",
    });
    const before = await countSnapshots(relay.testDatabase.database.db);
    const retry = await push(envelope);
    expect(retry.status).toBe(200);
    expect(((await retry.json()) as { stored: string }).stored).toBe("unchanged");
    expect(await countSnapshots(relay.testDatabase.database.db)).toBe(before);
  });

  it("treats a retry that leaves companyId null as the same snapshot", async () => {
    const envelope = buildEnvelope({ companyId });
    expect((await push(envelope)).status).toBe(201);
    expect((await push({ ...envelope, companyId: null })).status).toBe(200);
  });

  it("refuses a different snapshot under an existing id with 409", async () => {
    const envelope = buildEnvelope({ companyId });
    expect((await push(envelope)).status).toBe(201);
    const changed = buildEnvelope({
      companyId,
      snapshotId: envelope.snapshotId,
      users: [userRow(9)],
    });
    const response = await push(changed);
    expect(response.status).toBe(409);
    expect(await errorCode(response)).toBe("snapshot_conflict");
    const stored = (await (await get(`/snapshots/${envelope.snapshotId}`)).json()) as {
      snapshot: SnapshotEnvelope;
    };
    expect(stored.snapshot.datasets.users?.rows).toEqual(envelope.datasets.users?.rows);
  });

  it("refuses to reuse a snapshot id under another company with 409", async () => {
    const envelope = buildEnvelope();
    expect((await push(envelope)).status).toBe(201);
    const response = await push(envelope, { company: otherCompanyId });
    expect(response.status).toBe(409);
    expect(
      (
        await relay.request(
          "GET",
          `/v1/companies/${otherCompanyId}/snapshots/${envelope.snapshotId}`,
        )
      ).status,
    ).toBe(404);
  });

  it("recomputes dataset hashes and refuses a push whose contentHash does not match its rows", async () => {
    const envelope = buildEnvelope({ companyId });
    const users = envelope.datasets.users;
    if (users === undefined) throw new Error("no users");
    const lying = { ...envelope, datasets: { users: { ...users, rows: [userRow(1)] } } };
    const response = await push(lying);
    expect(response.status).toBe(422);
    expect(await errorCode(response)).toBe("content_hash_mismatch");
  });

  it("refuses an envelope for another snapshot id or company than the URL's with 422", async () => {
    const envelope = buildEnvelope({ companyId });
    const wrongId = await push(envelope, { id: randomUUID() });
    expect(await errorCode(wrongId)).toBe("snapshot_id_mismatch");
    const wrongCompany = await push(buildEnvelope({ companyId: otherCompanyId }));
    expect(wrongCompany.status).toBe(422);
    expect(await errorCode(wrongCompany)).toBe("company_mismatch");
  });

  it("refuses two rows with one id with 422 instead of failing", async () => {
    const envelope = buildEnvelope({ companyId });
    const users = envelope.datasets.users;
    if (users === undefined) throw new Error("no users");
    // The shared hash refuses duplicate ids, so the client-side hash here is a placeholder.
    const duplicated = { ...users, rows: [userRow(1), userRow(1)], contentHash: "0".repeat(64) };
    const response = await push({ ...envelope, datasets: { users: duplicated } });
    expect(response.status).toBe(422);
    expect(await errorCode(response)).toBe("duplicate_row_id");
  });

  it.each([
    [
      "a plain JSON body",
      { "content-type": "application/json" },
      415,
      "unsupported_content_encoding",
    ],
    [
      "another content type",
      { "content-type": "text/plain", "content-encoding": "gzip" },
      415,
      "unsupported_media_type",
    ],
  ])("refuses %s", async (_name, headers, status, code) => {
    const response = await push(buildEnvelope({ companyId }), { headers });
    expect(response.status).toBe(status);
    expect(await errorCode(response)).toBe(code);
  });

  it("answers 400 for corrupt gzip and for gzip that is not JSON, 422 for JSON that is not a snapshot", async () => {
    const envelope = buildEnvelope({ companyId });
    const corrupt = await push(envelope, {
      body: new Uint8Array([0x1f, 0x8b, 8, 0, 1, 2, 3, 4, 5]),
    });
    expect([corrupt.status, await errorCode(corrupt)]).toEqual([400, "invalid_gzip"]);
    const notJson = await push(envelope, { body: new Uint8Array(gzipSync("{not json")) });
    expect([notJson.status, await errorCode(notJson)]).toEqual([400, "invalid_json"]);
    const wrongShape = await push(envelope, { body: gzipJson({ ...envelope, tenantId: 42 }) });
    expect([wrongShape.status, await errorCode(wrongShape)]).toEqual([422, "invalid_snapshot"]);
  });

  it("refuses a zip bomb with 413 while inflating, and a body over the compressed limit", async () => {
    const before = await countSnapshots(relay.testDatabase.database.db);
    // 64 MiB of zeros gzip to ~64 KiB: under the compressed limit, far over the inflated one.
    const bomb = new Uint8Array(gzipSync(Buffer.alloc(64 * 1024 * 1024)));
    expect(bomb.byteLength).toBeLessThan(256 * 1024);
    const bombed = await push(buildEnvelope({ companyId }), { body: bomb });
    expect(bombed.status).toBe(413);
    expect((await bombed.json()) as unknown).toEqual({
      error: { code: "payload_too_large", message: expect.stringContaining("decompressed") },
    });
    const huge = new Uint8Array(300 * 1024).map((_, i) => (i * 7919) % 256);
    const tooBig = await push(buildEnvelope({ companyId }), { body: huge });
    expect(tooBig.status).toBe(413);
    expect(await countSnapshots(relay.testDatabase.database.db)).toBe(before);
  });

  it("stores an unchanged dataset once: a re-sync adds no blob bytes", async () => {
    const company = await createCompany(`Dedup ${dialect}`);
    const users = Array.from({ length: 50 }, (_, i) => userRow(100 + i));
    expect((await push(buildEnvelope({ companyId: company, users }), { company })).status).toBe(
      201,
    );
    const bytes = await totalBlobBytes(relay.testDatabase.database.db);
    expect((await push(buildEnvelope({ companyId: company, users }), { company })).status).toBe(
      201,
    );
    expect(await totalBlobBytes(relay.testDatabase.database.db)).toBe(bytes);
    const changed = users.map((u, i) => (i === 0 ? { ...u, displayName: "Renamed" } : u));
    expect(
      (await push(buildEnvelope({ companyId: company, users: changed }), { company })).status,
    ).toBe(201);
    expect(await totalBlobBytes(relay.testDatabase.database.db)).toBeGreaterThan(bytes);
  });

  it("returns the latest capture (not the latest push), the pushed rows and UTC timestamps", async () => {
    const company = await createCompany(`Latest ${dialect}`);
    const newer = buildEnvelope({
      companyId: company,
      capturedAt: "2026-11-20T10:00:00+01:00",
      users: [userRow(7)],
    });
    const older = buildEnvelope({ companyId: company, capturedAt: "2026-11-19T10:00:00Z" });
    await push(newer, { company });
    await push(older, { company });
    const response = await relay.request("GET", `/v1/companies/${company}/snapshots/latest`);
    const latest = ((await response.json()) as { snapshot: SnapshotEnvelope }).snapshot;
    expect(latest.snapshotId).toBe(newer.snapshotId);
    expect(latest.capturedAt).toBe("2026-11-20T09:00:00.000Z");
    expect(latest.companyId).toBe(company);
    expect(latest.datasets).toEqual(newer.datasets);
  });

  it("answers 304 to a client that already holds the latest snapshot, 200 once a newer one arrives", async () => {
    const company = await createCompany(`Etag ${dialect}`);
    await push(buildEnvelope({ companyId: company, capturedAt: "2026-11-01T00:00:00Z" }), {
      company,
    });
    const latestOf = (etag?: string) =>
      relay.request("GET", `/v1/companies/${company}/snapshots/latest`, {
        ...(etag !== undefined && { headers: { "if-none-match": etag } }),
      });
    const first = await latestOf();
    const etag = first.headers.get("etag") ?? "";
    expect(etag).toMatch(/^W\/"[0-9a-f]{64}"$/);
    const unchanged = await latestOf(etag);
    expect(unchanged.status).toBe(304);
    expect(await unchanged.text()).toBe("");
    expect((await latestOf(etag.slice(2))).status).toBe(304);
    await push(
      buildEnvelope({
        companyId: company,
        capturedAt: "2026-11-02T00:00:00Z",
        users: [userRow(5)],
      }),
      { company },
    );
    const newer = await latestOf(etag);
    expect(newer.status).toBe(200);
    expect(newer.headers.get("etag")).not.toBe(etag);
  });

  it("pages the snapshot list with a cursor, newest first", async () => {
    const company = await createCompany(`Paging ${dialect}`);
    const ids: string[] = [];
    for (const day of [1, 2, 3, 4, 5]) {
      const envelope = buildEnvelope({
        companyId: company,
        capturedAt: `2026-10-0${day}T00:00:00Z`,
      });
      ids.unshift(envelope.snapshotId);
      await push(envelope, { company });
    }
    const seen: string[] = [];
    let cursor: string | null = "";
    while (cursor !== null) {
      const page = (await (
        await relay.request("GET", `/v1/companies/${company}/snapshots?limit=2&cursor=${cursor}`)
      ).json()) as {
        snapshots: { snapshotId: string; datasets: { users: { rowCount: number } } }[];
        nextCursor: string | null;
      };
      seen.push(...page.snapshots.map((s) => s.snapshotId));
      expect(page.snapshots.every((s) => s.datasets.users.rowCount === 3)).toBe(true);
      cursor = page.nextCursor;
    }
    expect(seen).toEqual(ids);
    const bad = await relay.request("GET", `/v1/companies/${company}/snapshots?cursor=%%%`);
    expect(bad.status).toBe(400);
  });

  it("diffs two snapshots with the shared diff", async () => {
    const older = buildEnvelope({ companyId, users: [userRow(1), userRow(2)] });
    const newer = buildEnvelope({ companyId, users: [userRow(1), userRow(3)] });
    await push(older);
    await push(newer);
    const response = await get(`/snapshots/diff?from=${older.snapshotId}&to=${newer.snapshotId}`);
    expect(response.status).toBe(200);
    const body = (await response.json()) as {
      diff: {
        users: { kind: string; diff: { added: { id: string }[]; removed: { id: string }[] } };
      };
    };
    expect(body.diff.users.kind).toBe("changed");
    expect(JSON.stringify(body.diff.users.diff)).toContain(userRow(3).id);
    const missing = await get(`/snapshots/diff?from=${older.snapshotId}&to=${randomUUID()}`);
    expect(missing.status).toBe(404);
  });

  it("serves one dataset as JSON and as a CSV attachment", async () => {
    const envelope = buildEnvelope({ companyId });
    await push(envelope);
    const json = (await (await get(`/snapshots/${envelope.snapshotId}/datasets/users`)).json()) as {
      rows: unknown[];
    };
    expect(json.rows).toEqual(envelope.datasets.users?.rows);
    const csv = await get(`/snapshots/${envelope.snapshotId}/datasets/users/csv`);
    expect(csv.status).toBe(200);
    expect(csv.headers.get("content-type")).toContain("text/csv");
    expect(csv.headers.get("content-disposition")).toMatch(
      /^attachment; filename="Contoso-users-2026-11-26\.csv"$/,
    );
    // Read bytes: Response.text() would silently drop the byte order mark.
    const bytes = Buffer.from(await csv.arrayBuffer());
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(bytes.toString("utf8")).toContain("user1@contoso.example");
    const noBom = await get(`/snapshots/${envelope.snapshotId}/datasets/users/csv?bom=0`);
    expect(Buffer.from(await noBom.arrayBuffer())[0]).not.toBe(0xef);
    const wrongExport = await get(
      `/snapshots/${envelope.snapshotId}/datasets/users/csv?export=secureScoreHistory`,
    );
    expect([wrongExport.status, await errorCode(wrongExport)]).toEqual([400, "invalid_export"]);
    expect((await get(`/snapshots/${envelope.snapshotId}/datasets/groups`)).status).toBe(404);
    expect((await get(`/snapshots/${envelope.snapshotId}/datasets/passwords`)).status).toBe(400);
  });

  it("computes findings of the latest snapshot with the shared findings", async () => {
    const response = await get("/findings");
    expect(response.status).toBe(200);
    const body = (await response.json()) as { findings: { findingId: string }[] };
    expect(body.findings.length).toBeGreaterThan(0);
    const empty = await createCompany(`No snapshots ${dialect}`);
    expect((await relay.request("GET", `/v1/companies/${empty}/findings`)).status).toBe(404);
  });

  it("answers 404 for unknown companies and snapshots and 400 for malformed ids", async () => {
    expect(
      (await relay.request("GET", `/v1/companies/${randomUUID()}/snapshots/latest`)).status,
    ).toBe(404);
    expect((await get(`/snapshots/${randomUUID()}`)).status).toBe(404);
    expect((await get("/snapshots/not-a-guid")).status).toBe(400);
    expect((await relay.request("GET", "/v1/companies/..%2F..%2Fetc/snapshots")).status).toBe(400);
  });

  it("records each stored push in the audit trail under the pushing token's name", async () => {
    const envelope = buildEnvelope({ companyId });
    await push(envelope);
    const trail = (await (await relay.request("GET", "/v1/audit?limit=500")).json()) as {
      events: { action: string; targetId: string; actorName: string }[];
    };
    const events = trail.events.filter((e) => e.targetId === envelope.snapshotId);
    expect(events).toEqual([
      expect.objectContaining({ action: "snapshot.push", actorName: "test technician" }),
    ]);
  });
});
