/**
 * A token bucket on the emulator clock: `capacity` units that refill evenly over `windowMs`
 * (Graph's "3,500 resource units per 10 seconds" reads as a bucket that refills 350 per second).
 */
export interface TokenBucket {
  capacity: number;
  windowMs: number;
  tokens: number;
  updatedAtMs: number;
}

export function createTokenBucket(capacity: number, windowMs: number, nowMs: number): TokenBucket {
  return { capacity, windowMs, tokens: capacity, updatedAtMs: nowMs };
}

export type BucketDecision = { ok: true; remaining: number } | { ok: false; retryAfterMs: number };

/** Takes `cost` units if available; otherwise says how long until they will be. */
export function takeFromBucket(bucket: TokenBucket, cost: number, nowMs: number): BucketDecision {
  refill(bucket, nowMs);
  if (bucket.tokens >= cost) {
    bucket.tokens -= cost;
    return { ok: true, remaining: bucket.tokens };
  }
  const ratePerMs = bucket.capacity / bucket.windowMs;
  return { ok: false, retryAfterMs: Math.ceil((cost - bucket.tokens) / ratePerMs) };
}

/** Share of the bucket in use (0..1), for `x-ms-throttle-limit-percentage`. */
export function bucketUsage(bucket: TokenBucket): number {
  return 1 - bucket.tokens / bucket.capacity;
}

function refill(bucket: TokenBucket, nowMs: number): void {
  const elapsed = Math.max(0, nowMs - bucket.updatedAtMs);
  bucket.tokens = Math.min(
    bucket.capacity,
    bucket.tokens + (elapsed * bucket.capacity) / bucket.windowMs,
  );
  bucket.updatedAtMs = nowMs;
}
