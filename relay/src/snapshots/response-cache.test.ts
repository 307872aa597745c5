import { describe, expect, it } from "vitest";
import { SnapshotResponseCache } from "./response-cache";

function bytes(length: number, fill = 1): Buffer<ArrayBuffer> {
  return Buffer.alloc(length, fill);
}

/** A computation the test finishes when it chooses, to hold a miss "in flight". */
function deferred<T>() {
  let resolve!: (value: T) => void;
  let reject!: (error: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

describe("SnapshotResponseCache", () => {
  it("returns a stored body without computing it again", async () => {
    const cache = new SnapshotResponseCache({ maxBytes: 100 });
    let computed = 0;
    const compute = async () => {
      computed += 1;
      return bytes(10);
    };
    const first = await cache.getOrCompute("a", compute);
    const second = await cache.getOrCompute("a", compute);
    expect(second).toBe(first);
    expect(computed).toBe(1);
    expect(cache.stats()).toMatchObject({ hits: 1, computations: 1, entries: 1, bytes: 10 });
  });

  it("keeps bodies within the byte budget by dropping the least recently used first", async () => {
    const cache = new SnapshotResponseCache({ maxBytes: 100 });
    await cache.getOrCompute("a", async () => bytes(40));
    await cache.getOrCompute("b", async () => bytes(40));
    // Reading "a" makes "b" the least recently used.
    await cache.getOrCompute("a", async () => bytes(40));
    await cache.getOrCompute("c", async () => bytes(40));
    expect(cache.has("a")).toBe(true);
    expect(cache.has("b")).toBe(false);
    expect(cache.has("c")).toBe(true);
    expect(cache.stats()).toMatchObject({ evictions: 1, entries: 2, bytes: 80 });
  });

  it("evicts as many bodies as a large new one needs", async () => {
    const cache = new SnapshotResponseCache({ maxBytes: 100 });
    for (const key of ["a", "b", "c", "d"]) await cache.getOrCompute(key, async () => bytes(25));
    await cache.getOrCompute("big", async () => bytes(90));
    expect(["a", "b", "c", "d"].filter((key) => cache.has(key))).toEqual([]);
    expect(cache.stats()).toMatchObject({ evictions: 4, entries: 1, bytes: 90 });
  });

  it("serves a body larger than the whole budget without storing it or evicting others", async () => {
    const cache = new SnapshotResponseCache({ maxBytes: 100 });
    await cache.getOrCompute("small", async () => bytes(50));
    const huge = await cache.getOrCompute("huge", async () => bytes(101));
    expect(huge.byteLength).toBe(101);
    expect(cache.has("huge")).toBe(false);
    expect(cache.has("small")).toBe(true);
    expect(cache.stats().bytes).toBe(50);
  });

  it("computes once for misses of one key that arrive while it is being computed", async () => {
    const cache = new SnapshotResponseCache({ maxBytes: 100 });
    const gate = deferred<Buffer<ArrayBuffer>>();
    let computed = 0;
    const compute = () => {
      computed += 1;
      return gate.promise;
    };
    const waiting = Array.from({ length: 5 }, () => cache.getOrCompute("a", compute));
    gate.resolve(bytes(10, 7));
    const bodies = await Promise.all(waiting);
    expect(computed).toBe(1);
    expect(new Set(bodies).size).toBe(1);
    expect(cache.stats()).toMatchObject({ computations: 1, sharedMisses: 4, entries: 1 });
  });

  it("computes different keys separately, even at the same time", async () => {
    const cache = new SnapshotResponseCache({ maxBytes: 100 });
    const [gzip, identity] = await Promise.all([
      cache.getOrCompute("f:gzip", async () => bytes(5, 1)),
      cache.getOrCompute("f:identity", async () => bytes(20, 2)),
    ]);
    expect(gzip.byteLength).toBe(5);
    expect(identity.byteLength).toBe(20);
    expect(cache.stats()).toMatchObject({ computations: 2, entries: 2, bytes: 25 });
  });

  it("gives a failed computation's error to every waiter, stores nothing and computes again next time", async () => {
    const cache = new SnapshotResponseCache({ maxBytes: 100 });
    const gate = deferred<Buffer<ArrayBuffer>>();
    const waiting = [1, 2].map(() => cache.getOrCompute("a", () => gate.promise));
    gate.reject(new Error("blob missing"));
    for (const result of await Promise.allSettled(waiting)) {
      expect(result.status).toBe("rejected");
    }
    expect(cache.has("a")).toBe(false);
    const retried = await cache.getOrCompute("a", async () => bytes(3));
    expect(retried.byteLength).toBe(3);
    expect(cache.stats()).toMatchObject({ computations: 2, entries: 1 });
  });

  it("refuses a budget that is not a non-negative integer", () => {
    expect(() => new SnapshotResponseCache({ maxBytes: -1 })).toThrow(RangeError);
    expect(() => new SnapshotResponseCache({ maxBytes: 1.5 })).toThrow(RangeError);
  });
});
