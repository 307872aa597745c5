import { RelayHttpError } from "./errors";

/**
 * Reads a request body chunk by chunk and stops as soon as it exceeds `maxBytes`, so an oversized
 * upload is refused with 413 without being buffered (Content-Length may be absent or a lie).
 */
export async function readBodyWithLimit(
  body: ReadableStream<Uint8Array> | null,
  maxBytes: number,
  what = "request body",
): Promise<Buffer> {
  if (body === null) return Buffer.alloc(0);
  const chunks: Uint8Array[] = [];
  let size = 0;
  const reader = body.getReader();
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      size += value.byteLength;
      if (size > maxBytes) throw tooLarge(maxBytes, what);
      chunks.push(value);
    }
  } finally {
    await reader.cancel().catch(() => undefined);
  }
  return Buffer.concat(chunks);
}

export function tooLarge(maxBytes: number, what = "request body"): RelayHttpError {
  return new RelayHttpError(
    413,
    "payload_too_large",
    `The ${what} exceeds the limit of ${maxBytes} bytes`,
  );
}

/** Refuses early when the client itself declares a body larger than the limit. */
export function checkDeclaredLength(header: string | undefined, maxBytes: number): void {
  if (header === undefined) return;
  const declared = Number(header);
  if (Number.isFinite(declared) && declared > maxBytes) throw tooLarge(maxBytes);
}
