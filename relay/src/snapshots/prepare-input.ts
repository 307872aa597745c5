import { prepareFromGzip } from "./prepare-from-gzip";
import { type PushTarget, prepareFromJson, type ReadyPush } from "./prepare-from-json";

/** What a preparation job carries: inflated JSON, or gzip with the inflated-size limit to apply. */
export type PushInput = { kind: "json" } | { kind: "gzip"; maxDecompressedBytes: number };

/** Runs one job, inline or on a worker thread (push-worker.ts). */
export function prepareInput(bytes: Uint8Array, input: PushInput, target: PushTarget): ReadyPush {
  return input.kind === "json"
    ? prepareFromJson(bytes, target)
    : prepareFromGzip(bytes, input.maxDecompressedBytes, target);
}
