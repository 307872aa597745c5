/**
 * Finished response bodies of whole-snapshot reads, kept in memory up to a byte budget and
 * dropped least recently used first. Safe to share between requests because a key names bytes
 * that never change (see `snapshotBodyKey`); it holds no authority of its own: callers consult it
 * only after the database has confirmed that the snapshot exists and the caller may read it
 * (docs/decisions/relay-read-cache.md).
 */

/** 64 MiB: ~160 gzip bodies of a 5,000-user tenant (~410 KiB each), or 16 identity ones. */
export const DEFAULT_SNAPSHOT_CACHE_BYTES = 64 * 1024 * 1024;

/** Counters for tests and for reading the cache's behaviour in a profile. */
export interface SnapshotResponseCacheStats {
  hits: number;
  /** Requests that started a computation (concurrent misses of one key count once). */
  computations: number;
  /** Requests that waited on a computation another request had started. */
  sharedMisses: number;
  evictions: number;
  entries: number;
  bytes: number;
}

export class SnapshotResponseCache {
  readonly maxBytes: number;
  // A Map iterates in insertion order; re-inserting on every hit keeps the least recently used
  // entry first, which is all an LRU needs.
  readonly #entries = new Map<string, Buffer<ArrayBuffer>>();
  readonly #inFlight = new Map<string, Promise<Buffer<ArrayBuffer>>>();
  #bytes = 0;
  #hits = 0;
  #computations = 0;
  #sharedMisses = 0;
  #evictions = 0;

  constructor(options: { maxBytes?: number } = {}) {
    const maxBytes = options.maxBytes ?? DEFAULT_SNAPSHOT_CACHE_BYTES;
    if (!Number.isInteger(maxBytes) || maxBytes < 0) {
      throw new RangeError(`maxBytes must be a non-negative integer, got ${maxBytes}`);
    }
    this.maxBytes = maxBytes;
  }

  /**
   * The body stored under `key`, or the result of `compute()`, stored if it fits the budget.
   * Misses of one key that arrive while it is being computed share that computation: fifty
   * clients asking for a new "latest" at once assemble and compress it once. A failed
   * computation is not stored; every request that waited on it gets the error.
   */
  getOrCompute(
    key: string,
    compute: () => Promise<Buffer<ArrayBuffer>>,
  ): Promise<Buffer<ArrayBuffer>> {
    const cached = this.#entries.get(key);
    if (cached !== undefined) {
      this.#hits += 1;
      this.#entries.delete(key);
      this.#entries.set(key, cached);
      return Promise.resolve(cached);
    }
    const pending = this.#inFlight.get(key);
    if (pending !== undefined) {
      this.#sharedMisses += 1;
      return pending;
    }
    this.#computations += 1;
    const computation = compute()
      .then((body) => {
        this.#store(key, body);
        return body;
      })
      .finally(() => {
        this.#inFlight.delete(key);
      });
    this.#inFlight.set(key, computation);
    return computation;
  }

  has(key: string): boolean {
    return this.#entries.has(key);
  }

  stats(): SnapshotResponseCacheStats {
    return {
      hits: this.#hits,
      computations: this.#computations,
      sharedMisses: this.#sharedMisses,
      evictions: this.#evictions,
      entries: this.#entries.size,
      bytes: this.#bytes,
    };
  }

  #store(key: string, body: Buffer<ArrayBuffer>): void {
    // A body larger than the whole budget would evict everything and then not fit: serve it
    // uncached instead.
    if (body.byteLength > this.maxBytes) return;
    const previous = this.#entries.get(key);
    if (previous !== undefined) {
      this.#entries.delete(key);
      this.#bytes -= previous.byteLength;
    }
    this.#entries.set(key, body);
    this.#bytes += body.byteLength;
    for (const [oldestKey, oldest] of this.#entries) {
      if (this.#bytes <= this.maxBytes) break;
      this.#entries.delete(oldestKey);
      this.#bytes -= oldest.byteLength;
      this.#evictions += 1;
    }
  }
}
