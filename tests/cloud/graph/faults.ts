/**
 * Per-context fault injection, so tests and benchmarks can see how clients cope with a bad day
 * at Microsoft: added latency (fixed + jitter), a rate of 5xx answers, connection resets, and
 * forced 429 storms. Randomness is seeded from the context's seed, so a run is repeatable.
 */
export interface GraphFaults {
  latencyMs: number;
  jitterMs: number;
  /** Share of requests (0..1) answered with `serverErrorStatus`. */
  serverErrorRate: number;
  serverErrorStatus: 500 | 502 | 503 | 504;
  /** Share of requests (0..1) whose connection is destroyed without an answer. */
  connectionResetRate: number;
  /** The next `remaining` requests get 429 with this Retry-After. */
  throttleStorm: { remaining: number; retryAfterSeconds: number } | null;
  /** Limit faults to one tenant (null: all). */
  tenantId: string | null;
  /** Limit faults to paths containing this text, case-insensitive (null: all). */
  pathContains: string | null;
}

export function noFaults(): GraphFaults {
  return {
    latencyMs: 0,
    jitterMs: 0,
    serverErrorRate: 0,
    serverErrorStatus: 503,
    connectionResetRate: 0,
    throttleStorm: null,
    tenantId: null,
    pathContains: null,
  };
}

export type FaultDecision =
  | { kind: "none"; delayMs: number }
  | { kind: "serverError"; status: number; delayMs: number }
  | { kind: "reset"; delayMs: number }
  | { kind: "throttle"; retryAfterSeconds: number; delayMs: number };

/** Decides what happens to one request; consumes storm budget and randomness. */
export function decideFault(
  faults: GraphFaults,
  random: () => number,
  request: { path: string; tenantId: string | null; batchEnvelope?: boolean },
): FaultDecision {
  const applies =
    (faults.tenantId === null || faults.tenantId === request.tenantId) &&
    (faults.pathContains === null ||
      request.path.toLowerCase().includes(faults.pathContains.toLowerCase()));
  if (!applies) return { kind: "none", delayMs: 0 };
  const delayMs =
    faults.latencyMs + (faults.jitterMs > 0 ? Math.floor(random() * faults.jitterMs) : 0);
  // Graph throttles the requests inside a $batch one by one, never the envelope.
  if (faults.throttleStorm && faults.throttleStorm.remaining > 0 && !request.batchEnvelope) {
    faults.throttleStorm.remaining--;
    return { kind: "throttle", retryAfterSeconds: faults.throttleStorm.retryAfterSeconds, delayMs };
  }
  if (faults.connectionResetRate > 0 && random() < faults.connectionResetRate)
    return { kind: "reset", delayMs };
  if (faults.serverErrorRate > 0 && random() < faults.serverErrorRate) {
    return { kind: "serverError", status: faults.serverErrorStatus, delayMs };
  }
  return { kind: "none", delayMs };
}
