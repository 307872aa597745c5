import { type Readable, Transform } from "node:stream";
import { pipeline } from "node:stream/promises";
import { createGunzip } from "node:zlib";
import { RelayHttpError } from "./errors";
import { checkDeclaredLength, tooLarge } from "./read-body";

export interface GzipBodyLimits {
  maxCompressedBytes: number;
  maxDecompressedBytes: number;
}

export interface GzipJsonHeaders {
  contentEncoding: string | undefined;
  contentType: string | undefined;
  contentLength: string | undefined;
}

export interface GzipJsonRequest extends GzipJsonHeaders {
  /** The body as a Node stream (request-body.ts). */
  body: Readable | null;
}

/**
 * What a snapshot push must declare before its body is read: JSON, gzip-compressed, not larger
 * than the compressed limit (when the client says its length). 415 or 413 otherwise.
 */
export function checkGzipJsonHeaders(request: GzipJsonHeaders, limits: GzipBodyLimits): void {
  if (!/^application\/json\b/i.test(request.contentType ?? "")) {
    throw new RelayHttpError(
      415,
      "unsupported_media_type",
      "Send the snapshot as application/json",
    );
  }
  if ((request.contentEncoding ?? "").trim().toLowerCase() !== "gzip") {
    throw new RelayHttpError(
      415,
      "unsupported_content_encoding",
      "Send the snapshot gzip-compressed with Content-Encoding: gzip",
    );
  }
  checkDeclaredLength(request.contentLength, limits.maxCompressedBytes);
}

/**
 * Reads and inflates a `Content-Encoding: gzip` JSON body while streaming: both the bytes on the wire and the
 * inflated bytes are counted as they flow, and the stream is torn down the moment either limit is
 * passed, so a zip bomb (a few KB inflating to GBs) is refused with 413 after inflating at most
 * the limit. Inflation runs in zlib's thread pool, off the event loop.
 */
export async function readGzipBody(
  request: GzipJsonRequest,
  limits: GzipBodyLimits,
): Promise<Buffer> {
  checkGzipJsonHeaders(request, limits);
  if (request.body === null) {
    throw new RelayHttpError(400, "invalid_gzip", "The request body is empty");
  }

  // Remembered here because stream.pipeline reports the teardown it causes (AbortError,
  // premature close) rather than the error a stage threw.
  let limitExceeded: RelayHttpError | undefined;
  const exceed = (error: RelayHttpError): RelayHttpError => {
    limitExceeded ??= error;
    return error;
  };
  let compressed = 0;
  const countCompressed = new Transform({
    transform(chunk: Buffer, _encoding, done) {
      compressed += chunk.byteLength;
      if (compressed > limits.maxCompressedBytes) {
        done(exceed(tooLarge(limits.maxCompressedBytes, "compressed snapshot")));
      } else {
        done(null, chunk);
      }
    },
  });
  const inflated: Buffer[] = [];
  let inflatedBytes = 0;
  try {
    await pipeline(
      request.body,
      countCompressed,
      createGunzip(),
      async (source: AsyncIterable<Buffer>) => {
        for await (const chunk of source) {
          inflatedBytes += chunk.byteLength;
          if (inflatedBytes > limits.maxDecompressedBytes) {
            throw exceed(tooLarge(limits.maxDecompressedBytes, "decompressed snapshot"));
          }
          inflated.push(chunk);
        }
      },
    );
  } catch (error) {
    if (limitExceeded !== undefined) throw limitExceeded;
    if (isZlibError(error)) {
      throw new RelayHttpError(400, "invalid_gzip", "The request body is not valid gzip data", {
        cause: error,
      });
    }
    // Anything else is the upload itself breaking off (client gone, socket reset).
    throw new RelayHttpError(400, "unreadable_body", "The request body could not be read", {
      cause: error,
    });
  }
  return Buffer.concat(inflated);
}

function isZlibError(error: unknown): boolean {
  if (typeof error !== "object" || error === null) return false;
  const code = (error as { code?: unknown }).code;
  return typeof code === "string" && code.startsWith("Z_");
}
