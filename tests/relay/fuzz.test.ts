import { request as httpRequest } from "node:http";
import type { AddressInfo } from "node:net";
import { gzipSync } from "node:zlib";
import { serve } from "@hono/node-server";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { totalBlobBytes } from "../../relay/src/db/dataset-blobs";
import { countSnapshots } from "../../relay/src/db/snapshots";
import { countTokens } from "../../relay/src/db/tokens";
import { DIALECTS } from "../../relay/test/databases";
import { buildEnvelope, gzipJson, PUSH_HEADERS } from "../../relay/test/envelopes";
import { createTestRelay, type TestRelay } from "../../relay/test/test-relay";
import { spoolFiles } from "./support/intake-spool";

/**
 * Acceptance 4: malformed gzip and JSON, wrong types, huge strings, path tricks, bad and expired
 * tokens. Whatever comes in: never a 5xx, never a crash, nothing stored. Runs are bounded so the
 * suite stays fast; fast-check prints the seed of any failure to replay it.
 */
const RUNS = 60;
const CLIENT_ERRORS = [400, 401, 403, 404, 405, 409, 413, 415, 422];

/** A zip bomb for the asynchronous properties: 5 MiB inflated, about 5 KB on the wire. */
const FIVE_MIB_OF_SPACES_GZIPPED = gzipSync(Buffer.alloc(5 * 1024 * 1024, 0x20));

type Json = fc.JsonValue;
const jsonKind = (value: Json) =>
  value === null ? "null" : Array.isArray(value) ? "array" : typeof value;

/** Envelope fields that admit exactly one JSON type (none is nullable or a union). */
const TYPED_PATHS: readonly (readonly (string | number)[])[] = [
  ["schemaVersion"],
  ["snapshotId"],
  ["tenantId"],
  ["tenantDisplayName"],
  ["capturedAt"],
  ["datasets"],
  ["datasets", "users"],
  ["datasets", "users", "rows"],
  ["datasets", "users", "contentHash"],
  ["datasets", "users", "status", "state"],
  ["datasets", "users", "rows", 0],
  ["datasets", "users", "rows", 0, "userPrincipalName"],
  ["datasets", "users", "rows", 0, "assignedRoles"],
  ["datasets", "users", "rows", 0, "mfa"],
  ["datasets", "users", "rows", 0, "mfa", "methods"],
];

function setAt(target: unknown, path: readonly (string | number)[], value: Json): Json | undefined {
  let node = target as Record<string | number, unknown>;
  for (const key of path.slice(0, -1)) node = node[key] as Record<string | number, unknown>;
  const last = path.at(-1) as string | number;
  const previous = node[last] as Json;
  node[last] = value;
  return previous;
}

describe.each(DIALECTS)("fuzzing the relay on %s", (dialect) => {
  let relay: TestRelay;
  let companyId: string;
  let tokensBefore: number;

  beforeAll(async () => {
    relay = await createTestRelay(dialect, {
      RELAY_MAX_COMPRESSED_BYTES: String(512 * 1024),
      RELAY_MAX_DECOMPRESSED_BYTES: String(4 * 1024 * 1024),
      RELAY_RATE_LIMIT_PER_MINUTE: "1000000",
    });
    const created = await relay.request("POST", "/v1/companies", { json: { name: "Fuzz Ltd" } });
    companyId = ((await created.json()) as { company: { id: string } }).company.id;
    tokensBefore = await countTokens(relay.testDatabase.database.db);
  });
  afterAll(async () => {
    await relay?.close();
  });

  const push = (body: Uint8Array<ArrayBuffer>, headers: Record<string, string> = PUSH_HEADERS) =>
    relay.request("PUT", `/v1/companies/${companyId}/snapshots/${buildEnvelope().snapshotId}`, {
      body,
      headers,
    });

  const expectClientError = async (response: Response) => {
    expect(CLIENT_ERRORS, await response.clone().text()).toContain(response.status);
    const body = (await response.json()) as { error?: { code?: unknown; message?: unknown } };
    expect(typeof body.error?.code).toBe("string");
    expect(typeof body.error?.message).toBe("string");
  };

  it("refuses arbitrary bytes, gzip or not, with a 4xx", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.uint8Array({ maxLength: 4096 }),
        fc.boolean(),
        fc.constantFrom<Record<string, string>>(
          PUSH_HEADERS,
          { "content-type": "application/json" },
          { "content-type": "application/octet-stream", "content-encoding": "gzip" },
        ),
        async (bytes, gzipped, headers) => {
          await expectClientError(
            await push(gzipped ? new Uint8Array(gzipSync(bytes)) : bytes, headers),
          );
        },
      ),
      { numRuns: RUNS },
    );
  });

  it("refuses gzip of arbitrary text and of arbitrary JSON with 400 or 422", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          fc.string({ maxLength: 2000 }),
          fc.jsonValue().map((v) => JSON.stringify(v)),
        ),
        async (text) => {
          const response = await push(new Uint8Array(gzipSync(text)));
          expect([400, 422]).toContain(response.status);
          await expectClientError(response);
        },
      ),
      { numRuns: RUNS },
    );
  });

  it("refuses an envelope with any field of the wrong type with 422", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...TYPED_PATHS),
        fc.jsonValue({ maxDepth: 3 }),
        async (path, value) => {
          const envelope = buildEnvelope({ companyId });
          const original = setAt(envelope, path, value);
          fc.pre(original !== undefined && jsonKind(original) !== jsonKind(value));
          const response = await relay.request(
            "PUT",
            `/v1/companies/${companyId}/snapshots/${buildEnvelope().snapshotId}`,
            {
              body: gzipJson(envelope),
              headers: PUSH_HEADERS,
            },
          );
          expect(response.status).toBe(422);
          await expectClientError(response);
        },
      ),
      { numRuns: RUNS },
    );
  });

  it("refuses huge strings with 413 or 422", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom("tenantDisplayName", "capturedBy", "companyId"),
        fc.integer({ min: 2_000, max: 300_000 }),
        fc.string({ minLength: 1, maxLength: 3 }),
        async (field, length, unit) => {
          const envelope = buildEnvelope({ companyId }) as unknown as Record<string, unknown>;
          envelope[field] = unit.repeat(length).slice(0, length);
          const response = await relay.request(
            "PUT",
            `/v1/companies/${companyId}/snapshots/${envelope.snapshotId}`,
            {
              body: gzipJson(envelope),
              headers: PUSH_HEADERS,
            },
          );
          expect([413, 422]).toContain(response.status);
          const named = await relay.request("POST", "/v1/companies", {
            json: { name: unit.repeat(length) },
          });
          expect([413, 422]).toContain(named.status);
        },
      ),
      { numRuns: 20 },
    );
  });

  const pathSegment = fc.oneof(
    fc.constantFrom(
      "..",
      "%2e%2e",
      "%2F",
      "%00",
      "%",
      "latest",
      "diff",
      "..%5c..",
      "%20",
      "😀",
      "a".repeat(300),
      "snapshots",
      "datasets",
      "csv",
      "import",
      "self",
    ),
    fc.string({ maxLength: 40 }).map(encodeURIComponent),
    fc.uuid(),
  );

  it("answers every path trick with a 4xx or a harmless read, for any method", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(pathSegment, { minLength: 1, maxLength: 7 }),
        fc.constantFrom("GET", "PUT", "POST", "PATCH", "DELETE"),
        fc.constantFrom("v1", "v1/companies", `v1/companies/${"x"}`),
        async (segments, method, prefix) => {
          const path = `/${prefix.replace("x", companyId)}/${segments.join("/")}`;
          // A viewer may read but not write, so whatever it hits, nothing can be stored.
          const response = await relay.request(method, path, {
            token: relay.secrets.viewer,
            ...(method !== "GET" && {
              body: new Uint8Array(gzipSync("{}")),
              headers: PUSH_HEADERS,
            }),
          });
          expect(response.status).toBeLessThan(500);
          if (response.status >= 400) await expectClientError(response);
        },
      ),
      { numRuns: RUNS * 2 },
    );
  });

  it("refuses bad, unknown, expired and revoked tokens with 401", async () => {
    const expired = await relay.issue("admin", { expiresAt: "2020-01-01T00:00:00.000Z" });
    const revoked = await relay.issue("admin");
    await relay.request("DELETE", `/v1/tokens/${revoked.id}`);
    const header = fc.oneof(
      fc.stringMatching(/^[\x21-\x7e]{0,120}$/),
      fc.stringMatching(/^[\x21-\x7e]{0,120}$/).map((s) => `Bearer ${s}`),
      fc.stringMatching(/^[A-Za-z0-9_-]{43}$/).map((s) => `Bearer tl_${s}`),
      fc.constantFrom(
        `Bearer ${expired.secret}`,
        `Bearer ${revoked.secret}`,
        `bearer  ${expired.secret}`,
        `Basic ${expired.secret}`,
      ),
    );
    await fc.assert(
      fc.asyncProperty(
        header,
        fc.constantFrom(
          "/v1/companies",
          "/v1/tokens",
          `/v1/companies/${companyId}/snapshots/latest`,
        ),
        async (authorization, path) => {
          const response = await relay.request("GET", path, {
            token: null,
            headers: { authorization },
          });
          expect(response.status).toBe(401);
          await expectClientError(response);
        },
      ),
      { numRuns: RUNS },
    );
  });

  it("keeps raw request targets over real HTTP inside the API", async () => {
    const server = serve({ fetch: relay.app.fetch, hostname: "127.0.0.1", port: 0 });
    await new Promise((resolve) => server.once("listening", resolve));
    const port = (server.address() as AddressInfo).port;
    const raw = (path: string) =>
      new Promise<number>((resolve, reject) => {
        const req = httpRequest(
          {
            host: "127.0.0.1",
            port,
            path,
            method: "GET",
            headers: { authorization: `Bearer ${relay.secrets.viewer}` },
          },
          (res) => {
            res.resume();
            resolve(res.statusCode ?? 0);
          },
        );
        req.on("error", reject);
        req.end();
      });
    try {
      for (const path of [
        "/v1/companies/../../../../etc/passwd",
        "/v1/%2e%2e/%2e%2e/etc/passwd",
        "//v1//companies",
        `/v1/companies/${companyId}/snapshots/%00`,
        `/v1/companies/${companyId}%2F..%2F/snapshots`,
        "/v1/companies?limit=-1&cursor=%ZZ",
        `/v1/companies/${companyId}/snapshots?limit=99999999999999999999`,
        "*",
      ]) {
        const status = await raw(path);
        expect(status, path).toBeGreaterThanOrEqual(200);
        expect(status, path).toBeLessThan(500);
      }
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
  });

  /*
   * Asynchronous pushes (`Prefer: respond-async`): the relay answers after checking only headers,
   * size and gzip framing, so much of the garbage above is accepted with 202 and refused later by
   * the intake processor. The properties: the answer is a 4xx or a 202, never a 5xx (the one
   * documented 503, intake_full, cannot happen under the default 512 MiB queue limit, so any 5xx
   * fails here), and a push that was queued ends "rejected" with the status a synchronous push
   * would have answered, storing nothing.
   */
  const ASYNC_PREFERENCES = [
    "respond-async",
    "Respond-Async",
    "respond-async, wait=10",
    "wait=1, respond-async",
    "respond-async; ignored=1",
    "handling=lenient,respond-async",
  ];
  // Weighted towards what passes the checks before the 202 (gzip declared, a believable length),
  // so that every run, whatever its seed, also sends garbage the processor has to refuse.
  const asyncHeaderSets = fc.record({
    prefer: fc.constantFrom(...ASYNC_PREFERENCES),
    base: fc.oneof(
      {
        weight: 3,
        arbitrary: fc.constantFrom<Record<string, string>>(PUSH_HEADERS, {
          "content-type": "application/json; charset=utf-8",
          "content-encoding": "GZIP",
        }),
      },
      {
        weight: 2,
        arbitrary: fc.constantFrom<Record<string, string>>(
          { "content-type": "application/json" },
          { "content-type": "application/octet-stream", "content-encoding": "gzip" },
          { "content-type": "application/json", "content-encoding": "gzip, identity" },
          { "content-type": "application/json", "content-encoding": "br" },
          {},
        ),
      },
    ),
    contentLength: fc.option(
      fc.oneof(
        fc.nat().map(String),
        fc.constantFrom("-1", "abc", "1e9", "99999999999999999999", ""),
      ),
      { nil: undefined, freq: 2 },
    ),
  });
  const pushAsyncTo = (
    snapshotId: string,
    body: Uint8Array<ArrayBuffer>,
    headers: Record<string, string>,
  ) =>
    relay.request("PUT", `/v1/companies/${companyId}/snapshots/${snapshotId}`, { body, headers });
  const ASYNC_PUSH_HEADERS = { ...PUSH_HEADERS, prefer: "respond-async" };

  /**
   * A 4xx at once (false), or a 202 whose push, once processed, is rejected with a 4xx (true).
   */
  const expectRefusedNowOrLater = async (
    response: Response,
    snapshotId: string,
    laterStatuses: readonly number[] = CLIENT_ERRORS,
  ): Promise<boolean> => {
    if (response.status !== 202) {
      await expectClientError(response);
      return false;
    }
    expect(((await response.json()) as { state?: unknown }).state).toBe("queued");
    await relay.drainIntake();
    const status = await relay.request("GET", `/v1/companies/${companyId}/pushes/${snapshotId}`);
    expect(status.status).toBe(200);
    const { push } = (await status.json()) as {
      push: { state: string; snapshotUrl: unknown; error: { status: number; code: unknown } };
    };
    expect(push.state).toBe("rejected");
    expect(push.snapshotUrl).toBeNull();
    expect(laterStatuses).toContain(push.error.status);
    expect(typeof push.error.code).toBe("string");
    return true;
  };

  it("answers arbitrary bytes and headers sent with Prefer: respond-async with a 4xx or a 202 it later rejects", async () => {
    let queued = 0;
    await fc.assert(
      fc.asyncProperty(
        fc.uint8Array({ maxLength: 4096 }),
        fc.oneof({ weight: 3, arbitrary: fc.constant(true) }, fc.constant(false)),
        asyncHeaderSets,
        async (bytes, gzipped, { prefer, base, contentLength }) => {
          const snapshotId = buildEnvelope().snapshotId;
          const headers = {
            ...base,
            prefer,
            ...(contentLength !== undefined && { "content-length": contentLength }),
          };
          const body = gzipped ? new Uint8Array(gzipSync(bytes)) : bytes;
          const response = await pushAsyncTo(snapshotId, body, headers);
          if (await expectRefusedNowOrLater(response, snapshotId)) queued += 1;
        },
      ),
      { numRuns: RUNS },
    );
    // Not vacuous: some of these passed the checks before the 202 and were refused later.
    expect(queued).toBeGreaterThan(0);
  });

  /** Gzip bodies that pass the checks made before the 202: only processing can refuse them. */
  const wellFramedGarbage = fc.oneof(
    fc.string({ maxLength: 2000 }).map((text) => ({ body: gzipSync(text), later: [400, 422] })),
    fc.jsonValue().map((value) => ({ body: gzipSync(JSON.stringify(value)), later: [400, 422] })),
    fc
      .tuple(fc.constantFrom(...TYPED_PATHS), fc.jsonValue({ maxDepth: 3 }))
      .map(([path, value]) => {
        const envelope = buildEnvelope();
        const original = setAt(envelope, path, value);
        return {
          envelope,
          wrongType: original !== undefined && jsonKind(original) !== jsonKind(value),
        };
      })
      .filter(({ wrongType }) => wrongType)
      .map(({ envelope }) => ({ body: gzipSync(JSON.stringify(envelope)), later: [422] })),
    // A valid envelope sent under another snapshot id, or naming another company.
    fc
      .constant(null)
      .map(() => ({ body: gzipSync(JSON.stringify(buildEnvelope())), later: [422] })),
    fc.uuid({ version: 4 }).map((otherCompany) => ({
      body: gzipSync(JSON.stringify(buildEnvelope({ companyId: otherCompany }))),
      later: [422],
    })),
    // A valid envelope's gzip cut short: the trailer read by the check is whatever bytes end it.
    fc.integer({ min: 18, max: 400 }).map((keep) => ({
      body: gzipSync(JSON.stringify(buildEnvelope())).subarray(0, keep),
      later: [400, 413],
    })),
    // A zip bomb whose trailer lies about its inflated size (5 MiB against a 4 MiB limit).
    fc.integer({ min: 0, max: 4 * 1024 * 1024 }).map((declared) => {
      const body = Buffer.from(FIVE_MIB_OF_SPACES_GZIPPED);
      body.writeUInt32LE(declared, body.byteLength - 4);
      return { body, later: [413] };
    }),
  );

  it("queues well-framed gzip of bad snapshots asynchronously, then rejects it like a synchronous push", async () => {
    let queued = 0;
    await fc.assert(
      fc.asyncProperty(wellFramedGarbage, async ({ body, later }) => {
        // Its own id each time, never the one inside the envelope: nothing here may be stored.
        const snapshotId = buildEnvelope().snapshotId;
        const response = await pushAsyncTo(snapshotId, new Uint8Array(body), ASYNC_PUSH_HEADERS);
        if (await expectRefusedNowOrLater(response, snapshotId, later)) queued += 1;
      }),
      { numRuns: RUNS },
    );
    expect(queued).toBeGreaterThan(RUNS / 2);
  });

  it("refuses asynchronous pushes with a bad token (401) or a reader's token (403) before queueing", async () => {
    const authorization = fc.oneof(
      fc.stringMatching(/^[\x21-\x7e]{0,120}$/).map((s) => `Bearer ${s}`),
      fc.stringMatching(/^[A-Za-z0-9_-]{43}$/).map((s) => `Bearer tl_${s}`),
      fc.constant(`Bearer ${relay.secrets.viewer}`),
    );
    await fc.assert(
      fc.asyncProperty(authorization, async (header) => {
        const envelope = buildEnvelope({ companyId });
        const response = await relay.request(
          "PUT",
          `/v1/companies/${companyId}/snapshots/${envelope.snapshotId}`,
          {
            token: null,
            body: gzipJson(envelope),
            headers: { ...ASYNC_PUSH_HEADERS, authorization: header },
          },
        );
        expect(response.status).toBe(header.endsWith(relay.secrets.viewer) ? 403 : 401);
        await expectClientError(response);
      }),
      { numRuns: RUNS },
    );
  });

  it("left every asynchronous push rejected, with no body kept and no spool file", async () => {
    await relay.drainIntake();
    const rows = await relay.testDatabase.database.db
      .selectFrom("push_intake")
      .select(["snapshot_id", "state", "body", "body_file"])
      .execute();
    // Not vacuous: the properties above did get pushes queued.
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.filter((row) => row.state !== "rejected")).toEqual([]);
    expect(rows.filter((row) => row.body !== null || row.body_file !== null)).toEqual([]);
    expect(await spoolFiles(relay.testDatabase.url)).toEqual([]);
  });

  it("stored nothing and is still healthy after all of the above", async () => {
    const db = relay.testDatabase.database.db;
    expect(await countSnapshots(db)).toBe(0);
    expect(await totalBlobBytes(db)).toBe(0);
    const companies = (await (await relay.request("GET", "/v1/companies")).json()) as {
      companies: unknown[];
    };
    expect(companies.companies).toHaveLength(1);
    expect(await db.selectFrom("tenant_mappings").selectAll().execute()).toEqual([]);
    // Two tokens were added on purpose (the expired and the revoked one), nothing else.
    expect(await countTokens(db)).toBe(tokensBefore + 2);
    expect((await relay.request("GET", "/v1/health/ready", { token: null })).status).toBe(200);
  });
});
