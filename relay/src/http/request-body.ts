import { Readable } from "node:stream";
import type { ReadableStream as NodeWebReadableStream } from "node:stream/web";
import type { Context } from "hono";
import type { AppEnv } from "./app-env";
import { type BodyChunks, joinChunks } from "./body-chunks";
import { tooLarge } from "./read-body";

/**
 * The request body as a Node stream. Served by @hono/node-server, that is the socket's own
 * IncomingMessage (`c.env.incoming`): reading it directly skips the web-stream wrapper that
 * `c.req.raw.body` builds around it, which cost a snapshot push more CPU than the copy of its
 * bytes. In-process (tests, `app.request`) it is the Request's web stream, converted.
 */
export function requestBodyStream(c: Context<AppEnv>): Readable | null {
  const incoming = (c.env as { incoming?: unknown } | undefined)?.incoming;
  if (incoming instanceof Readable) return incoming;
  const body = c.req.raw.body;
  return body === null ? null : Readable.fromWeb(body as NodeWebReadableStream<Uint8Array>);
}

/**
 * Reads a body stream whole, refusing with 413 the moment it passes `maxBytes` (Content-Length
 * may be absent or a lie), so an oversized upload is never buffered. The stream is only paused
 * then, not destroyed: destroying a request's stream closes its socket, and the client would
 * get a reset instead of the 413 (the server discards the rest once the answer is sent).
 */
export async function readStreamWithLimit(
  stream: Readable | null,
  maxBytes: number,
  what: string,
): Promise<Buffer> {
  return joinChunks(await readStreamChunks(stream, maxBytes, what));
}

/** The same, keeping the chunks as they arrived (body-chunks.ts). */
export function readStreamChunks(
  stream: Readable | null,
  maxBytes: number,
  what: string,
): Promise<BodyChunks> {
  if (stream === null) return Promise.resolve({ chunks: [], byteLength: 0 });
  return new Promise<BodyChunks>((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const stop = () => {
      stream.off("data", onData);
      stream.off("end", onEnd);
      stream.off("error", onError);
      stream.off("close", onClose);
    };
    const onData = (chunk: Buffer | string) => {
      const bytes = typeof chunk === "string" ? Buffer.from(chunk) : chunk;
      size += bytes.byteLength;
      if (size > maxBytes) {
        stop();
        stream.pause();
        reject(tooLarge(maxBytes, what));
        return;
      }
      chunks.push(bytes);
    };
    const onEnd = () => {
      stop();
      resolve({ chunks, byteLength: size });
    };
    const onError = (error: Error) => {
      stop();
      reject(error);
    };
    // The client went away before the end of its body.
    const onClose = () => {
      stop();
      reject(new Error("The request body ended early"));
    };
    stream.on("data", onData);
    stream.once("end", onEnd);
    stream.once("error", onError);
    stream.once("close", onClose);
  });
}
