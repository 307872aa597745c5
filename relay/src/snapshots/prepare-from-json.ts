import { snapshotEnvelopeSchema } from "../../../shared/src/snapshot/envelope";
import type { SnapshotDatasetRecord, SnapshotRecord } from "../db/snapshots";
import { RelayHttpError } from "../http/errors";
import { describeIssues } from "../http/json-body";
import { preparePush } from "./prepare-push";

const encoder = new TextEncoder();

/** A dataset ready to store: its record, plus its rows as JSON text (the blob's content). */
export interface ReadyDataset extends SnapshotDatasetRecord {
  rowsJson: Uint8Array;
}

export type ReadyPush = Omit<SnapshotRecord, "datasets"> & { datasets: ReadyDataset[] };

export interface PushTarget {
  companyId: string;
  snapshotId: string;
  receivedAt: string;
  tokenId: string;
}

/**
 * The CPU-heavy part of a push, from inflated bytes to what the store writes: parse, validate with
 * the shared schema, recompute hashes (prepare-push.ts). Pure, so it can run on a worker thread;
 * failures are RelayHttpErrors (400/422).
 */
export function prepareFromJson(json: Uint8Array, target: PushTarget): ReadyPush {
  let parsed: unknown;
  try {
    parsed = JSON.parse(
      Buffer.from(json.buffer, json.byteOffset, json.byteLength).toString("utf8"),
    );
  } catch {
    throw new RelayHttpError(400, "invalid_json", "The decompressed snapshot is not valid JSON");
  }
  const validated = snapshotEnvelopeSchema.safeParse(parsed);
  if (!validated.success) {
    throw new RelayHttpError(422, "invalid_snapshot", describeIssues(validated.error));
  }
  const snapshot = preparePush(
    validated.data,
    { companyId: target.companyId, snapshotId: target.snapshotId },
    { receivedAt: target.receivedAt, tokenId: target.tokenId },
  );
  return {
    ...snapshot,
    datasets: snapshot.datasets.map(({ rows, ...record }) => ({
      ...record,
      // TextEncoder gives each dataset a buffer of its own, which a worker can transfer (a small
      // Buffer.from() may be a slice of Node's shared pool).
      rowsJson: encoder.encode(JSON.stringify(rows)),
    })),
  };
}
