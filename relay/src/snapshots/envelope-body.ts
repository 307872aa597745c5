import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { createGzip } from "node:zlib";
import type { Db } from "../db/schema";
import type { SnapshotRecord } from "../db/snapshots";
import type { ContentCoding } from "../http/accept-encoding";
import { assembleEnvelopeParts } from "./assemble";

/**
 * zlib level for whole-snapshot responses. Measured on a 5,000-user envelope (4.1 MiB of JSON):
 * level 3 takes ~14–18 ms of CPU for 408 KiB, level 6 (the default, what compress() used)
 * ~40 ms for 374 KiB; levels 1–3 cost the same here and 4 is larger than 3. A body is
 * compressed once per snapshot and relay instance, but fifty clients reading a new snapshot
 * each at once all pay it (docs/decisions/relay-read-cache.md).
 */
export const SNAPSHOT_GZIP_LEVEL = 3;

/**
 * The cache key of a snapshot's response body. The fingerprint hashes everything the body holds
 * (ids, company, tenant, capture time and author, each dataset's status, time and content hash;
 * prepare-push.ts) and a content hash names one blob, so one key always names the same bytes.
 * A snapshot id alone would not: after its company is deleted, the id can be pushed again.
 */
export function snapshotBodyKey(record: SnapshotRecord, coding: ContentCoding): string {
  return `${record.fingerprint}:${coding}`;
}

/** `{"snapshot": envelope}` as the bytes to send with the given Content-Encoding. */
export async function encodeEnvelopeBody(
  db: Db,
  record: SnapshotRecord,
  coding: ContentCoding,
): Promise<Buffer<ArrayBuffer>> {
  const parts = [
    Buffer.from('{"snapshot":'),
    ...(await assembleEnvelopeParts(db, record)),
    Buffer.from("}"),
  ];
  if (coding === "identity") return Buffer.concat(parts);
  // The pieces go into one gzip stream as they are (no 4 MB join first), compressed on zlib's
  // thread pool. One member, not the stored blobs concatenated as gzip members: browsers decode
  // only a body's first gzip member.
  const chunks: Buffer[] = [];
  await pipeline(
    Readable.from(parts),
    createGzip({ level: SNAPSHOT_GZIP_LEVEL, chunkSize: 256 * 1024 }),
    async (compressed: AsyncIterable<Buffer>) => {
      for await (const chunk of compressed) chunks.push(chunk);
    },
  );
  return Buffer.concat(chunks);
}
