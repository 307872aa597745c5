/**
 * `npm run bench:relay`: the relay on SQLite and on PostgreSQL, in one run.
 *
 *   1. pushes as the extension sends them (`Prefer: respond-async`): N concurrent clients
 *      (default 50), each pushing its own company's 5k-user snapshots one after another, 1 % of
 *      users changed per push. Latency is until the relay's 202 (the push is durably queued);
 *      "stored" is from the request until the relay's own record says it was stored, and its
 *      throughput is pushes validated and stored per second of wall time;
 *   2. the same with synchronous pushes (no Prefer header: the answer waits for the storing);
 *   3. reads: the same clients reading their company's latest snapshot;
 *   4. dedup: one company re-synced 10 times with 1 % changes, bytes stored vs. bytes pushed.
 *
 * The relay runs as its own process (as in production), the clients in this one; bodies are
 * generated and gzipped before the clock starts, and pushed with node:http over kept-alive
 * sockets (http-put.ts), the leanest client at hand, since it shares the cores with the relay.
 * Prints a Markdown table for docs/benchmarks/relay.md. Bounded: a few minutes on a 2-core
 * machine with the defaults.
 *
 *   npm run bench:relay -- [--clients 50] [--pushes 2] [--reads 2] [--users 5000] [--resyncs 10]
 *                          [--backends sqlite,postgres] [--warmup 3] [--sync yes|no]
 */
import { randomUUID } from "node:crypto";
import { cpus } from "node:os";
import { parseArgs } from "node:util";
import { gzipSync } from "node:zlib";
import { sql } from "kysely";
import { connectDatabase, type DialectName } from "../../relay/src/db/connect";
import { totalBlobBytes } from "../../relay/src/db/dataset-blobs";
import { createEmptyDatabaseUrl } from "../../relay/test/databases";
import type { UserRow } from "../../shared/src/datasets/users";
import type { SnapshotEnvelope } from "../../shared/src/snapshot/envelope";
import { hashDatasetRows } from "../../shared/src/snapshot/hash";
import { relayClient } from "../relay/support/http-client";
import { startRelayProcess } from "../relay/support/relay-process";
import { buildTestSnapshot } from "../support/snapshot-builder";
import { httpPutClient } from "./http-put";

const { values: args } = parseArgs({
  options: {
    clients: { type: "string", default: "50" },
    pushes: { type: "string", default: "2" },
    reads: { type: "string", default: "2" },
    users: { type: "string", default: "5000" },
    resyncs: { type: "string", default: "10" },
    backends: { type: "string", default: "sqlite,postgres" },
    warmup: { type: "string", default: "3" },
    sync: { type: "string", default: "yes" },
  },
});
const CLIENTS = Number(args.clients);
const PUSHES = Number(args.pushes);
const READS = Number(args.reads);
const USERS = Number(args.users);
const RESYNCS = Number(args.resyncs);
const BACKENDS = args.backends.split(",") as DialectName[];
const WARMUP = Number(args.warmup);
/** `--sync no` skips the synchronous push phase (quicker runs while tuning asynchronous ones). */
const SYNC_PHASE = args.sync !== "no";
const CHANGED_SHARE = 0.01;

function log(message: string): void {
  process.stderr.write(`bench:relay: ${message}\n`);
}

// ---- bodies -------------------------------------------------------------------------------

const base = buildTestSnapshot({
  seed: 42,
  users: USERS,
  devices: USERS / 5,
  groups: USERS / 25,
  auditEvents: 500,
});
const baseUsers = base.datasets.users?.rows ?? [];

/** A re-sync of the base tenant with 1 % of users renamed: a new users blob, every other dataset unchanged. */
function resync(variant: number): SnapshotEnvelope {
  const users: UserRow[] = [...baseUsers];
  const changes = Math.max(1, Math.round(users.length * CHANGED_SHARE));
  for (let j = 0; j < changes; j += 1) {
    const index = (variant * 7919 + j * 104_729) % users.length;
    const user = users[index];
    if (user !== undefined)
      users[index] = { ...user, displayName: `${user.displayName ?? ""} (v${variant})` };
  }
  const capturedAt = new Date(Date.parse(base.capturedAt) + variant * 60_000).toISOString();
  const usersDataset = base.datasets.users;
  if (usersDataset === undefined) throw new Error("the generated snapshot has no users");
  return {
    ...base,
    snapshotId: randomUUID(),
    companyId: null,
    capturedAt,
    datasets: {
      ...base.datasets,
      users: { ...usersDataset, rows: users, contentHash: hashDatasetRows("users", users) },
    },
  };
}

interface Body {
  snapshotId: string;
  gzipped: Uint8Array<ArrayBuffer>;
  jsonBytes: number;
}

function bodyOf(envelope: SnapshotEnvelope): Body {
  const json = JSON.stringify(envelope);
  return {
    snapshotId: envelope.snapshotId,
    gzipped: new Uint8Array(gzipSync(json)),
    jsonBytes: Buffer.byteLength(json),
  };
}

log(`generating ${CLIENTS * PUSHES + RESYNCS} snapshots of ${baseUsers.length} users…`);
const generationStart = performance.now();
const pushBodies: Body[][] = Array.from({ length: CLIENTS }, (_, client) =>
  Array.from({ length: PUSHES }, (_, push) => bodyOf(resync(1 + client * PUSHES + push))),
);
const asyncBodies: Body[][] = Array.from({ length: CLIENTS }, (_, client) =>
  Array.from({ length: PUSHES }, (_, push) => bodyOf(resync(500_000 + 1 + client * PUSHES + push))),
);
const resyncBodies: Body[] = Array.from({ length: RESYNCS }, (_, i) => bodyOf(resync(100_000 + i)));
const sample = pushBodies[0]?.[0];
log(`generated in ${Math.round(performance.now() - generationStart)} ms`);

// ---- measuring ----------------------------------------------------------------------------

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  return (
    sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? Number.NaN
  );
}

interface Phase {
  count: number;
  failures: number;
  p50: number;
  p99: number;
  max: number;
  perSecond: number;
}

async function timed(
  workers: number,
  requestsPerWorker: number,
  request: (worker: number, index: number) => Promise<boolean>,
): Promise<Phase> {
  const latencies: number[] = [];
  let failures = 0;
  const start = performance.now();
  await Promise.all(
    Array.from({ length: workers }, async (_, worker) => {
      for (let index = 0; index < requestsPerWorker; index += 1) {
        const sent = performance.now();
        const ok = await request(worker, index);
        latencies.push(performance.now() - sent);
        if (!ok) failures += 1;
      }
    }),
  );
  return phaseOf(latencies, failures, (performance.now() - start) / 1000);
}

/** Percentiles and rate of one phase's latencies (sorted in place) over `seconds` of wall time. */
function phaseOf(latencies: number[], failures: number, seconds: number): Phase {
  latencies.sort((a, b) => a - b);
  return {
    count: latencies.length,
    failures,
    p50: percentile(latencies, 50),
    p99: percentile(latencies, 99),
    max: latencies.at(-1) ?? Number.NaN,
    perSecond: latencies.length / seconds,
  };
}

/**
 * Waits until the relay has processed every queued push (its push_intake table has none left
 * queued), then turns its own finish times into latencies from each request's start. The relay's
 * clock and this one are the same machine's; `performance.timeOrigin` links the two.
 */
async function waitUntilProcessed(
  db: ReturnType<typeof connectDatabase>["db"],
  sentAt: ReadonlyMap<string, number>,
  start: number,
): Promise<Phase> {
  const deadline = Date.now() + 600_000;
  for (;;) {
    const queued = await db
      .selectFrom("push_intake")
      .select((eb) => eb.fn.countAll<string | number>().as("n"))
      .where("state", "=", "queued")
      .executeTakeFirstOrThrow();
    if (Number(queued.n) === 0) break;
    if (Date.now() > deadline) throw new Error("queued pushes were not processed in 10 minutes");
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  const rows = await db
    .selectFrom("push_intake")
    .select(["snapshot_id", "state", "finished_at"])
    .where("snapshot_id", "in", [...sentAt.keys()])
    .execute();
  const latencies: number[] = [];
  let failures = sentAt.size - rows.length;
  let last = start;
  for (const row of rows) {
    const sent = sentAt.get(row.snapshot_id);
    if (row.state !== "stored" || row.finished_at === null || sent === undefined) {
      failures += 1;
      continue;
    }
    const finished = Date.parse(row.finished_at) - performance.timeOrigin;
    latencies.push(finished - sent);
    last = Math.max(last, finished);
  }
  return phaseOf(latencies, failures, (last - start) / 1000);
}

interface BackendResult {
  backend: DialectName;
  single: Phase;
  accepted: Phase;
  stored: Phase;
  pushes: Phase | undefined;
  reads: Phase;
  dedupBytes: number;
  naiveBytes: number;
  pushedGzipBytes: number;
  blobBytesPerResync: number[];
}

async function benchBackend(backend: DialectName): Promise<BackendResult> {
  const database = await createEmptyDatabaseUrl(backend);
  const relay = await startRelayProcess({
    RELAY_DATABASE_URL: database.url,
    RELAY_LOG_LEVEL: "warn",
    RELAY_RATE_LIMIT_PER_MINUTE: "1000000",
    RELAY_REQUEST_TIMEOUT_MS: "600000",
  });
  const inspect = connectDatabase(database.url);
  const pusher = httpPutClient(CLIENTS + 2);
  try {
    const secret = relay.firstAdminSecret;
    if (secret === null) throw new Error("the relay printed no admin token");
    const client = relayClient(relay.url, secret);
    const companies = await Promise.all(
      Array.from({ length: CLIENTS + 2 }, (_, i) => client.createCompany(`Bench ${i}`)),
    );
    const send = (companyId: string, body: Body, async: boolean) =>
      pusher.put(
        new URL(`/v1/companies/${companyId}/snapshots/${body.snapshotId}`, relay.url),
        {
          authorization: `Bearer ${secret}`,
          "content-type": "application/json",
          "content-encoding": "gzip",
          ...(async && { prefer: "respond-async" }),
        },
        body.gzipped,
      );
    const pushTo = async (companyId: string, body: Body) =>
      [200, 201].includes(await send(companyId, body, false));

    // Service time: one client alone, after a few untimed pushes. A relay that just started
    // runs its first pushes before the JIT has compiled the hot code (~2× slower); a relay in
    // service is warm, and the concurrent phases below would otherwise inherit the cold start.
    const warmCompany = companies[CLIENTS] ?? "";
    log(`${backend}: ${WARMUP} warm-up pushes, then one client alone`);
    for (let i = 0; i < WARMUP; i += 1) {
      if (!(await pushTo(warmCompany, bodyOf(resync(300_000 + i))))) {
        throw new Error("a warm-up push failed");
      }
    }
    // Built before the clock starts, like every other body.
    const singleBodies = Array.from({ length: Math.min(5, RESYNCS) }, (_, i) =>
      bodyOf(resync(200_000 + i)),
    );
    const single = await timed(1, singleBodies.length, (_, i) => {
      const body = singleBodies[i];
      return body === undefined ? Promise.resolve(false) : pushTo(warmCompany, body);
    });

    log(`${backend}: ${WARMUP} asynchronous warm-up pushes`);
    const warmupSent = new Map<string, number>();
    for (let i = 0; i < WARMUP; i += 1) {
      const body = bodyOf(resync(400_000 + i));
      warmupSent.set(body.snapshotId, performance.now());
      if ((await send(warmCompany, body, true)) !== 202) throw new Error("a warm-up push failed");
    }
    await waitUntilProcessed(inspect.db, warmupSent, performance.now());

    log(`${backend}: ${CLIENTS} clients × ${PUSHES} asynchronous pushes`);
    const sentAt = new Map<string, number>();
    const asyncStart = performance.now();
    const accepted = await timed(CLIENTS, PUSHES, async (worker, index) => {
      const body = asyncBodies[worker]?.[index];
      if (body === undefined) return false;
      sentAt.set(body.snapshotId, performance.now());
      return (await send(companies[worker] ?? "", body, true)) === 202;
    });
    const stored = await waitUntilProcessed(inspect.db, sentAt, asyncStart);

    log(`${backend}: ${CLIENTS} clients × ${PUSHES} synchronous pushes`);
    const pushes = SYNC_PHASE
      ? await timed(CLIENTS, PUSHES, (worker, index) => {
          const body = pushBodies[worker]?.[index];
          return body === undefined
            ? Promise.resolve(false)
            : pushTo(companies[worker] ?? "", body);
        })
      : undefined;

    log(`${backend}: ${CLIENTS} clients × ${READS} reads of latest`);
    const reads = await timed(CLIENTS, READS, async (worker) => {
      const response = await client.call(
        "GET",
        `/v1/companies/${companies[worker]}/snapshots/latest`,
      );
      await response.arrayBuffer();
      return response.status === 200;
    });

    log(`${backend}: ${RESYNCS} re-syncs of one company`);
    const dedupCompany = companies[CLIENTS + 1] ?? "";
    const blobBytesPerResync: number[] = [];
    for (const body of resyncBodies) {
      if (!(await pushTo(dedupCompany, body))) throw new Error("a re-sync push failed");
      blobBytesPerResync.push(await totalBlobBytes(inspect.db));
    }
    // What the same snapshots would occupy if every snapshot stored every dataset in full.
    const naive = await sql<{ bytes: string | number | null }>`
      select sum(b.stored_bytes) as bytes
      from snapshot_datasets d
      join snapshots s on s.id = d.snapshot_id
      join dataset_blobs b on b.dataset_id = d.dataset_id and b.content_hash = d.content_hash
      where s.company_id = ${dedupCompany}`.execute(inspect.db);
    const dedup = await sql<{ bytes: string | number | null }>`
      select sum(b.stored_bytes) as bytes
      from dataset_blobs b
      where exists (
        select 1 from snapshot_datasets d join snapshots s on s.id = d.snapshot_id
        where s.company_id = ${dedupCompany}
          and d.dataset_id = b.dataset_id and d.content_hash = b.content_hash)`.execute(inspect.db);
    return {
      backend,
      single,
      accepted,
      stored,
      pushes,
      reads,
      dedupBytes: Number(dedup.rows[0]?.bytes ?? 0),
      naiveBytes: Number(naive.rows[0]?.bytes ?? 0),
      pushedGzipBytes: resyncBodies.reduce((sum, body) => sum + body.gzipped.byteLength, 0),
      blobBytesPerResync,
    };
  } finally {
    pusher.close();
    await inspect.close();
    await relay.stop();
    await database.drop();
  }
}

// ---- report -------------------------------------------------------------------------------

const ms = (value: number) => `${Math.round(value)} ms`;
const kib = (bytes: number) => `${(bytes / 1024).toFixed(0)} KiB`;

const results: BackendResult[] = [];
for (const backend of BACKENDS) results.push(await benchBackend(backend));

const lines = [
  `Snapshot: ${baseUsers.length} users (+ devices, groups, licences, roles, audit, score); JSON ${kib(sample?.jsonBytes ?? 0)}, gzip ${kib(sample?.gzipped.byteLength ?? 0)}. Machine: ${cpus().length} cores (${cpus()[0]?.model ?? "?"}), Node ${process.version}.`,
  "",
  "| Backend | Phase | Requests | Failed | p50 | p99 | max | Throughput |",
  "|---|---|---:|---:|---:|---:|---:|---:|",
];
for (const r of results) {
  const row = (phase: string, p: Phase) =>
    `| ${r.backend} | ${phase} | ${p.count} | ${p.failures} | ${ms(p.p50)} | ${ms(p.p99)} | ${ms(p.max)} | ${p.perSecond.toFixed(1)}/s |`;
  lines.push(
    row(`push accepted (202, async), ${CLIENTS} clients`, r.accepted),
    row(`push stored (async, request → stored), ${CLIENTS} clients`, r.stored),
    row("push (sync), 1 client", r.single),
    ...(r.pushes === undefined ? [] : [row(`push (sync), ${CLIENTS} clients`, r.pushes)]),
    row(`read latest, ${CLIENTS} clients`, r.reads),
  );
}
lines.push(
  "",
  `| Backend | ${RESYNCS} re-syncs, ${CHANGED_SHARE * 100} % users changed each | Bytes |`,
  "|---|---|---:|",
);
for (const r of results) {
  const first = r.blobBytesPerResync[0] ?? 0;
  const last = r.blobBytesPerResync.at(-1) ?? 0;
  const growth =
    r.blobBytesPerResync.length > 1 ? (last - first) / (r.blobBytesPerResync.length - 1) : 0;
  lines.push(
    `| ${r.backend} | gzip bodies pushed | ${kib(r.pushedGzipBytes)} |`,
    `| ${r.backend} | stored without dedup (every dataset of every snapshot) | ${kib(r.naiveBytes)} |`,
    `| ${r.backend} | stored with dedup (content-addressed blobs) | ${kib(r.dedupBytes)} |`,
    `| ${r.backend} | growth per re-sync after the first | ${kib(growth)} |`,
  );
}
process.stdout.write(`${lines.join("\n")}\n`);
