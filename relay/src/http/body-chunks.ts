/**
 * A request body as the chunks it arrived in. A 400 KB push body is hashed and written to its
 * spool file chunk by chunk: joining it into one buffer first would allocate and copy it once
 * more per push, and the garbage collector's work on those copies was the relay's largest cost
 * per accepted push after the database's (docs/decisions/relay-postgres-spool.md).
 */
export interface BodyChunks {
  readonly chunks: readonly Buffer[];
  readonly byteLength: number;
}

export function bodyChunksOf(bytes: Buffer): BodyChunks {
  return { chunks: [bytes], byteLength: bytes.byteLength };
}

/** The whole body in one buffer (no copy when it arrived in one chunk). */
export function joinChunks(body: BodyChunks): Buffer {
  const [only] = body.chunks;
  if (body.chunks.length === 1 && only !== undefined) return only;
  return Buffer.concat(body.chunks as Buffer[], body.byteLength);
}

/** The first `count` bytes (fewer if the body is shorter). */
export function firstBytes(body: BodyChunks, count: number): Buffer {
  const picked: Buffer[] = [];
  let size = 0;
  for (const chunk of body.chunks) {
    if (size >= count) break;
    const part = chunk.subarray(0, count - size);
    picked.push(part);
    size += part.byteLength;
  }
  return Buffer.concat(picked, size);
}

/** The last `count` bytes (fewer if the body is shorter). */
export function lastBytes(body: BodyChunks, count: number): Buffer {
  const picked: Buffer[] = [];
  let size = 0;
  for (let index = body.chunks.length - 1; index >= 0 && size < count; index -= 1) {
    const chunk = body.chunks[index] ?? Buffer.alloc(0);
    const part = chunk.subarray(Math.max(0, chunk.byteLength - (count - size)));
    picked.unshift(part);
    size += part.byteLength;
  }
  return Buffer.concat(picked, size);
}
