import { gzipSync } from "node:zlib";
import { afterAll, describe, expect, it } from "vitest";
import { buildEnvelope, userRow } from "../../test/envelopes";
import { RelayHttpError } from "../http/errors";
import { inlinePushPreparer, workerPushPreparer } from "./push-preparer";

const encode = (value: unknown) => new TextEncoder().encode(JSON.stringify(value));
const target = (snapshotId: string) => ({
  companyId: "c-1",
  snapshotId,
  receivedAt: "2026-11-26T10:00:00.000Z",
  tokenId: "t-1",
});

describe("preparing pushes on worker threads", () => {
  const workers = workerPushPreparer(2);
  afterAll(() => workers.close());

  it("gives exactly what preparing inline gives", async () => {
    const envelope = buildEnvelope({ users: Array.from({ length: 50 }, (_, i) => userRow(i)) });
    const [onWorker, inline] = await Promise.all([
      workers.prepare(encode(envelope), target(envelope.snapshotId)),
      inlinePushPreparer.prepare(encode(envelope), target(envelope.snapshotId)),
    ]);
    expect(onWorker).toEqual(inline);
    const users = onWorker.datasets.find((d) => d.datasetId === "users");
    expect(JSON.parse(new TextDecoder().decode(users?.rowsJson))).toEqual(
      envelope.datasets.users?.rows,
    );
    expect(users?.contentHash).toBe(envelope.datasets.users?.contentHash);
  });

  it("carries a validation failure back as the same HTTP error", async () => {
    const envelope = buildEnvelope();
    const failure = await workers
      .prepare(encode({ ...envelope, tenantId: 42 }), target(envelope.snapshotId))
      .catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(RelayHttpError);
    expect(failure).toMatchObject({ status: 422, code: "invalid_snapshot" });
    const notJson = await workers
      .prepare(new TextEncoder().encode("{"), target(envelope.snapshotId))
      .catch((e: unknown) => e);
    expect(notJson).toMatchObject({ status: 400, code: "invalid_json" });
    const empty = await workers
      .prepare(new Uint8Array(0), target(envelope.snapshotId))
      .catch((e: unknown) => e);
    expect(empty).toMatchObject({ status: 400, code: "invalid_json" });
    // A small Buffer is a slice of Node's shared pool: it must be copied, not transferred away.
    const pooled = Buffer.from("[]");
    const neighbour = Buffer.from("still here");
    await workers.prepare(pooled, target(envelope.snapshotId)).catch(() => undefined);
    expect(neighbour.toString()).toBe("still here");
  });

  it("prepares a queued push's gzip body on a worker exactly as inline, refusing a bomb while inflating", async () => {
    const envelope = buildEnvelope({ users: Array.from({ length: 20 }, (_, i) => userRow(i)) });
    const gzip = () => new Uint8Array(gzipSync(JSON.stringify(envelope)));
    const [onWorker, inline] = await Promise.all([
      workers.prepareGzip(gzip(), 1_000_000, target(envelope.snapshotId)),
      inlinePushPreparer.prepareGzip(gzip(), 1_000_000, target(envelope.snapshotId)),
    ]);
    expect(onWorker).toEqual(inline);
    expect(onWorker).toEqual(
      await inlinePushPreparer.prepare(encode(envelope), target(envelope.snapshotId)),
    );
    const bomb = new Uint8Array(gzipSync(Buffer.alloc(4 * 1024 * 1024)));
    await expect(
      workers.prepareGzip(bomb, 1024 * 1024, target(envelope.snapshotId)),
    ).rejects.toMatchObject({ status: 413, code: "payload_too_large" });
    await expect(
      workers.prepareGzip(new Uint8Array([0x1f, 0x8b, 8, 0, 9, 9, 9]), 1000, target("x")),
    ).rejects.toMatchObject({ status: 400, code: "invalid_gzip" });
  });

  it("answers many concurrent pushes, each with its own result", async () => {
    const envelopes = Array.from({ length: 12 }, (_, i) => buildEnvelope({ users: [userRow(i)] }));
    const results = await Promise.all(
      envelopes.map((e) => workers.prepare(encode(e), target(e.snapshotId))),
    );
    expect(results.map((r) => r.snapshotId)).toEqual(envelopes.map((e) => e.snapshotId));
  });

  it("falls back to preparing inline when workers cannot start, and says so once", async () => {
    const fallbacks: unknown[] = [];
    const broken = workerPushPreparer(2, {
      boot: "throw new Error('no loader here')",
      onFallback: (error) => fallbacks.push(error),
    });
    const envelope = buildEnvelope();
    const ready = await broken.prepare(encode(envelope), target(envelope.snapshotId));
    expect(ready.snapshotId).toBe(envelope.snapshotId);
    expect(fallbacks).toHaveLength(1);
    await broken.close();
  });

  it("refuses work once closed", async () => {
    const closing = workerPushPreparer(1);
    await closing.close();
    const envelope = buildEnvelope();
    await expect(closing.prepare(encode(envelope), target(envelope.snapshotId))).rejects.toThrow(
      "closed",
    );
  });
});
