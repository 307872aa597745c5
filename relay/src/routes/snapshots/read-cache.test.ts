import { gunzipSync, inflateSync } from "node:zlib";
import type { Hono } from "hono";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, DIALECTS, type TestDatabase } from "../../../test/databases";
import { buildEnvelope, gzipJson, PUSH_HEADERS, userRow } from "../../../test/envelopes";
import { createApp } from "../../app";
import { issueToken } from "../../auth/issue-token";
import type { Role } from "../../db/tokens";
import { parseRelayConfig } from "../../env";
import type { AppEnv } from "../../http/app-env";
import { createLogger } from "../../logger";
import { SnapshotResponseCache } from "../../snapshots/response-cache";

/** The relay app on a shared test database, with or without a response cache of its own. */
function appOn(test: TestDatabase, cache?: SnapshotResponseCache): Hono<AppEnv> {
  return createApp({
    database: test.database,
    config: parseRelayConfig({
      RELAY_DATABASE_URL: test.url,
      RELAY_LOG_LEVEL: "silent",
      RELAY_RATE_LIMIT_PER_MINUTE: "1000000",
    }),
    logger: createLogger("silent"),
    ...(cache !== undefined && { snapshotResponseCache: cache }),
  });
}

/** A cache that holds every computation until `arrivals` requests have asked for the key. */
class GatedCache extends SnapshotResponseCache {
  arrivals = 0;
  readonly #expected: number;
  #open!: () => void;
  readonly #gate = new Promise<void>((resolve) => {
    this.#open = resolve;
  });

  constructor(expected: number) {
    super();
    this.#expected = expected;
  }

  override getOrCompute(key: string, compute: () => Promise<Buffer<ArrayBuffer>>) {
    this.arrivals += 1;
    const result = super.getOrCompute(key, async () => {
      await this.#gate;
      return compute();
    });
    if (this.arrivals === this.#expected) this.#open();
    return result;
  }
}

const GZIP = { "accept-encoding": "gzip, deflate" };

describe.each(DIALECTS)("whole-snapshot reads through the response cache on %s", (dialect) => {
  let test: TestDatabase;
  let cache: SnapshotResponseCache;
  let cached: Hono<AppEnv>;
  let uncached: Hono<AppEnv>;
  let secrets: Record<Role, string>;

  const request = (
    app: Hono<AppEnv>,
    method: string,
    path: string,
    options: { token?: string; headers?: Record<string, string>; body?: BodyInit } = {},
  ) =>
    app.request(path, {
      method,
      headers: { authorization: `Bearer ${options.token ?? secrets.admin}`, ...options.headers },
      ...(options.body !== undefined && { body: options.body }),
    });
  const createCompany = async (name: string): Promise<string> => {
    const response = await request(cached, "POST", "/v1/companies", {
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ name }),
    });
    return ((await response.json()) as { company: { id: string } }).company.id;
  };
  /** Pushes a snapshot of `users` users to the company and returns its id. */
  const pushSnapshot = async (companyId: string, users = 50, capturedAt?: string) => {
    const envelope = buildEnvelope({
      companyId,
      users: Array.from({ length: users }, (_, index) => userRow(index + 1)),
      ...(capturedAt !== undefined && { capturedAt }),
    });
    const response = await request(
      cached,
      "PUT",
      `/v1/companies/${companyId}/snapshots/${envelope.snapshotId}`,
      { headers: PUSH_HEADERS, body: gzipJson(envelope) },
    );
    expect(response.status).toBe(201);
    return envelope.snapshotId;
  };
  const read = (app: Hono<AppEnv>, path: string, headers: Record<string, string> = {}) =>
    request(app, "GET", path, { token: secrets.viewer, headers });
  const bodyOf = async (response: Response) => Buffer.from(await response.arrayBuffer());

  beforeAll(async () => {
    test = await createTestDatabase(dialect);
    cache = new SnapshotResponseCache();
    cached = appOn(test, cache);
    uncached = appOn(test);
    const issue = async (role: Role) =>
      (
        await issueToken(test.database.db, {
          name: `test ${role}`,
          role,
          expiresAt: null,
          companyScope: null,
          createdByTokenId: null,
          now: new Date().toISOString(),
        })
      ).secret;
    secrets = {
      admin: await issue("admin"),
      technician: await issue("technician"),
      viewer: await issue("viewer"),
    };
  });
  afterAll(async () => {
    await test?.destroy();
  });

  it("answers gzip to clients that accept it and identity to others, the same JSON either way", async () => {
    const company = await createCompany(`Codings ${dialect}`);
    const snapshotId = await pushSnapshot(company);
    const path = `/v1/companies/${company}/snapshots/${snapshotId}`;

    const identity = await read(cached, path);
    expect(identity.status).toBe(200);
    expect(identity.headers.get("content-encoding")).toBeNull();
    expect(identity.headers.get("content-type")).toBe("application/json; charset=utf-8");
    expect(identity.headers.get("vary")).toMatch(/accept-encoding/i);
    const identityBody = await bodyOf(identity);
    const parsed = JSON.parse(identityBody.toString("utf8")) as {
      snapshot: { snapshotId: string };
    };
    expect(parsed.snapshot.snapshotId).toBe(snapshotId);

    const gzip = await read(cached, path, GZIP);
    expect(gzip.status).toBe(200);
    expect(gzip.headers.get("content-encoding")).toBe("gzip");
    expect(gzip.headers.get("content-type")).toBe("application/json; charset=utf-8");
    expect(gzip.headers.get("vary")).toMatch(/accept-encoding/i);
    const gzipBody = await bodyOf(gzip);
    expect(gunzipSync(gzipBody).equals(identityBody)).toBe(true);
    // One gzip member whose trailer counts the whole body: browsers decode only a body's first
    // member, so concatenated members (e.g. the stored blobs) would arrive truncated.
    expect(gzipBody.readUInt32LE(gzipBody.byteLength - 4)).toBe(identityBody.byteLength);

    const refused = await read(cached, path, { "accept-encoding": "gzip;q=0, identity" });
    expect(refused.headers.get("content-encoding")).toBeNull();
    expect((await bodyOf(refused)).equals(identityBody)).toBe(true);

    // A client that takes only deflate still gets it from compress(), as before the cache.
    const deflate = await read(cached, path, { "accept-encoding": "deflate" });
    expect(deflate.headers.get("content-encoding")).toBe("deflate");
    expect(inflateSync(await bodyOf(deflate)).equals(identityBody)).toBe(true);
  });

  it("serves cached bodies byte for byte as a relay without a cache assembles them", async () => {
    const company = await createCompany(`Identical ${dialect}`);
    await pushSnapshot(company, 200, "2026-11-20T09:00:00Z");
    const latest = await pushSnapshot(company, 300, "2026-11-21T09:00:00Z");
    const path = `/v1/companies/${company}/snapshots/latest`;

    for (const headers of [GZIP, {}]) {
      const hitsBefore = cache.stats().hits;
      const first = await bodyOf(await read(cached, path, headers));
      const second = await bodyOf(await read(cached, path, headers));
      expect(cache.stats().hits).toBe(hitsBefore + 1);
      expect(second.equals(first)).toBe(true);
      const fresh = await bodyOf(await read(uncached, path, headers));
      const decode = (body: Buffer) => ("accept-encoding" in headers ? gunzipSync(body) : body);
      expect(decode(second).equals(decode(fresh))).toBe(true);
      const envelope = JSON.parse(decode(second).toString("utf8")) as {
        snapshot: { snapshotId: string; datasets: { users: { rows: unknown[] } } };
      };
      expect(envelope.snapshot.snapshotId).toBe(latest);
      expect(envelope.snapshot.datasets.users.rows).toHaveLength(300);
    }
  });

  it("answers 404 for a deleted company's snapshot while its body is still cached", async () => {
    const company = await createCompany(`Deleted ${dialect}`);
    const snapshotId = await pushSnapshot(company);
    const base = `/v1/companies/${company}/snapshots`;
    const before = cache.stats().computations;
    expect((await read(cached, `${base}/${snapshotId}`, GZIP)).status).toBe(200);
    expect((await read(cached, `${base}/latest`, GZIP)).status).toBe(200);
    // Both routes name the same bytes, so the second read was a hit.
    expect(cache.stats().computations).toBe(before + 1);
    const entries = cache.stats().entries;

    expect((await request(cached, "DELETE", `/v1/companies/${company}`)).status).toBe(204);
    expect((await read(cached, `${base}/${snapshotId}`, GZIP)).status).toBe(404);
    expect((await read(cached, `${base}/latest`, GZIP)).status).toBe(404);
    // The body was still there to leak; the database's answer is what refused it.
    expect(cache.stats().entries).toBe(entries);
  });

  it("refuses a token scoped to another company even when the body is cached", async () => {
    const company = await createCompany(`Scoped ${dialect}`);
    const other = await createCompany(`Other ${dialect}`);
    const snapshotId = await pushSnapshot(company);
    const path = `/v1/companies/${company}/snapshots/${snapshotId}`;
    expect((await read(cached, path, GZIP)).status).toBe(200);
    const scoped = await issueToken(test.database.db, {
      name: "scoped",
      role: "viewer",
      expiresAt: null,
      companyScope: [other],
      createdByTokenId: null,
      now: new Date().toISOString(),
    });
    const response = await request(cached, "GET", path, { token: scoped.secret, headers: GZIP });
    expect(response.status).toBe(403);
  });

  it("still answers 304 to a matching If-None-Match, for cached and uncached bodies alike", async () => {
    const company = await createCompany(`Etag ${dialect}`);
    await pushSnapshot(company);
    const path = `/v1/companies/${company}/snapshots/latest`;
    const first = await read(cached, path, GZIP);
    const etag = first.headers.get("etag") ?? "";
    expect(etag).toMatch(/^W\/"[0-9a-f]{64}"$/);
    for (const app of [cached, uncached]) {
      for (const headers of [GZIP, {}]) {
        const unchanged = await read(app, path, { ...headers, "if-none-match": etag });
        expect(unchanged.status).toBe(304);
        expect(unchanged.headers.get("etag")).toBe(etag);
        expect(unchanged.headers.get("vary")).toMatch(/\bAccept-Encoding\b/);
        expect((await unchanged.arrayBuffer()).byteLength).toBe(0);
      }
      const other = await read(app, path, { ...GZIP, "if-none-match": 'W/"something-else"' });
      expect(other.status).toBe(200);
      expect(other.headers.get("etag")).toBe(etag);
    }
  });

  it("drops the least recently read snapshot's body once the byte budget is full", async () => {
    const company = await createCompany(`Budget ${dialect}`);
    const older = await pushSnapshot(company, 100, "2026-11-20T09:00:00Z");
    const newer = await pushSnapshot(company, 100, "2026-11-21T09:00:00Z");
    const base = `/v1/companies/${company}/snapshots`;
    const gzipSize = (await bodyOf(await read(uncached, `${base}/${older}`, GZIP))).byteLength;
    // Room for one body and a half.
    const small = new SnapshotResponseCache({ maxBytes: Math.ceil(gzipSize * 1.5) });
    const app = appOn(test, small);

    const olderBody = await bodyOf(await read(app, `${base}/${older}`, GZIP));
    expect(small.stats().entries).toBe(1);
    await read(app, `${base}/${newer}`, GZIP);
    expect(small.stats()).toMatchObject({ entries: 1, evictions: 1 });
    const again = await read(app, `${base}/${older}`, GZIP);
    expect(again.status).toBe(200);
    expect(small.stats().computations).toBe(3);
    expect(gunzipSync(await bodyOf(again)).equals(gunzipSync(olderBody))).toBe(true);
  });

  it("assembles a snapshot once for concurrent reads that miss the cache together", async () => {
    const company = await createCompany(`Concurrent ${dialect}`);
    const snapshotId = await pushSnapshot(company, 200);
    const readers = 6;
    const gated = new GatedCache(readers);
    const app = appOn(test, gated);
    const path = `/v1/companies/${company}/snapshots/${snapshotId}`;
    const responses = await Promise.all(
      Array.from({ length: readers }, () => read(app, path, GZIP)),
    );
    expect(responses.map((response) => response.status)).toEqual(Array(readers).fill(200));
    expect(gated.stats()).toMatchObject({ computations: 1, sharedMisses: readers - 1 });
    const bodies = await Promise.all(responses.map(bodyOf));
    for (const body of bodies) expect(body.equals(bodies[0] ?? Buffer.alloc(0))).toBe(true);
  });
});
