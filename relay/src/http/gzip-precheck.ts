import { type BodyChunks, firstBytes, lastBytes } from "./body-chunks";
import { RelayHttpError } from "./errors";
import { tooLarge } from "./read-body";

/** A gzip member is at least a 10-byte header and an 8-byte trailer. */
const MIN_GZIP_BYTES = 18;

/**
 * The checks an asynchronous push can afford before answering 202, all on the raw bytes: gzip's
 * magic number and method (RFC 1952 §2.3), and the inflated size the trailer declares (ISIZE, the
 * size modulo 2^32). A body that lies in its trailer is still stopped by the limit applied while
 * it is inflated later; this only refuses honest oversized bodies, and garbage, straight away.
 */
export function precheckGzipBody(body: BodyChunks, maxDecompressedBytes: number): void {
  const head = firstBytes(body, 3);
  if (body.byteLength < MIN_GZIP_BYTES || head[0] !== 0x1f || head[1] !== 0x8b || head[2] !== 8) {
    throw new RelayHttpError(400, "invalid_gzip", "The request body is not valid gzip data");
  }
  const declaredSize = lastBytes(body, 4).readUInt32LE(0);
  if (declaredSize > maxDecompressedBytes) {
    throw tooLarge(maxDecompressedBytes, "decompressed snapshot");
  }
}
