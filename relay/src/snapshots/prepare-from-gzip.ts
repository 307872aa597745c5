import { gunzipSync } from "node:zlib";
import { RelayHttpError } from "../http/errors";
import { tooLarge } from "../http/read-body";
import { type PushTarget, prepareFromJson, type ReadyPush } from "./prepare-from-json";

/**
 * An asynchronous push's stored gzip body to what the store writes: inflate (refusing more than
 * `maxDecompressedBytes` while inflating, so a zip bomb never fully expands), then
 * `prepareFromJson`. Synchronous, for a worker thread; failures are the same RelayHttpErrors a
 * synchronous push answers with (400 invalid_gzip, 413 payload_too_large, 400/422 from parsing).
 */
export function prepareFromGzip(
  gzip: Uint8Array,
  maxDecompressedBytes: number,
  target: PushTarget,
): ReadyPush {
  let json: Buffer;
  try {
    json = gunzipSync(gzip, { maxOutputLength: maxDecompressedBytes });
  } catch (error) {
    if (isOutputTooLarge(error)) throw tooLarge(maxDecompressedBytes, "decompressed snapshot");
    throw new RelayHttpError(400, "invalid_gzip", "The request body is not valid gzip data");
  }
  return prepareFromJson(json, target);
}

function isOutputTooLarge(error: unknown): boolean {
  return (
    typeof error === "object" &&
    error !== null &&
    (error as { code?: unknown }).code === "ERR_BUFFER_TOO_LARGE"
  );
}
