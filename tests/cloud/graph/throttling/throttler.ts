import {
  IDENTITY_LIMITS,
  INTUNE_LIMIT,
  MULTI_TENANT_LIMIT,
  REPORTS_LIMIT,
  SECURE_SCORE_LIMITS,
  tenantSizeFor,
} from "./limits";
import { type IdentityRequestShape, resourceUnitCost } from "./resource-units";
import { admitToWindow, createSlidingWindow, type SlidingWindow } from "./sliding-window";
import { bucketUsage, createTokenBucket, type TokenBucket, takeFromBucket } from "./token-bucket";

/** Which of Graph's throttling regimes a request falls under. */
export type ThrottleClass =
  | { kind: "identity"; request: IdentityRequestShape }
  | { kind: "reports" }
  | { kind: "secureScore" }
  | { kind: "intune" }
  | { kind: "multiTenant" }
  | { kind: "none" };

export interface ThrottleState {
  /** Default on; tests and benchmarks that walk big tenants switch it off. */
  enabled: boolean;
  disabledTenants: Set<string>;
  buckets: Map<string, TokenBucket>;
  windows: Map<string, SlidingWindow>;
  inFlight: Map<string, number>;
}

export function createThrottleState(): ThrottleState {
  return {
    enabled: true,
    disabledTenants: new Set(),
    buckets: new Map(),
    windows: new Map(),
    inFlight: new Map(),
  };
}

export interface ThrottleSubject {
  appId: string;
  tenantId: string;
  /** Decides the tenant size (S/M/L) of the identity bucket. */
  userCount: number;
}

export type ThrottleOutcome =
  | { ok: true; headers: Record<string, string>; release: () => void }
  | { ok: false; retryAfterMs: number; headers: Record<string, string> };

const NOTHING_TO_RELEASE = (): void => {};

/**
 * Admits or throttles one request. Windows run on the emulator clock (`nowMs`) so tests can
 * advance time; the secure-score concurrency limit counts real in-flight requests, which the
 * caller gives back with `release()` when the response is done.
 */
export function admitRequest(
  state: ThrottleState,
  throttleClass: ThrottleClass,
  subject: ThrottleSubject,
  nowMs: number,
): ThrottleOutcome {
  const active = state.enabled && !state.disabledTenants.has(subject.tenantId);
  const pair = `${subject.appId}/${subject.tenantId}`;
  switch (throttleClass.kind) {
    case "identity": {
      const cost = resourceUnitCost(throttleClass.request);
      const headers: Record<string, string> = { "x-ms-resource-unit": String(cost) };
      if (!active) return { ok: true, headers, release: NOTHING_TO_RELEASE };
      const size = tenantSizeFor(subject.userCount);
      const capacity = IDENTITY_LIMITS.resourceUnitsPer10s[size];
      const key = `identity/${pair}`;
      let bucket = state.buckets.get(key);
      if (!bucket || bucket.capacity !== capacity) {
        bucket = createTokenBucket(capacity, IDENTITY_LIMITS.windowSeconds * 1000, nowMs);
        state.buckets.set(key, bucket);
      }
      const decision = takeFromBucket(bucket, cost, nowMs);
      if (!decision.ok) {
        return {
          ok: false,
          retryAfterMs: decision.retryAfterMs,
          headers: {
            "x-ms-throttle-scope": `Tenant_Application/ReadWrite/${pair}`,
            "x-ms-throttle-information": "ResourceUnitLimitExceeded",
          },
        };
      }
      const usage = bucketUsage(bucket);
      // Documented: only returned when more than 0.8 of the limit is consumed.
      if (usage > 0.8) headers["x-ms-throttle-limit-percentage"] = usage.toFixed(1);
      return { ok: true, headers, release: NOTHING_TO_RELEASE };
    }
    case "reports":
      return windowed(state, active, `reports/${pair}`, REPORTS_LIMIT, nowMs);
    case "intune":
      return windowed(state, active, `intune/${pair}`, INTUNE_LIMIT, nowMs);
    case "multiTenant":
      return windowed(state, active, `multiTenant/${pair}`, MULTI_TENANT_LIMIT, nowMs);
    case "secureScore": {
      if (!active) return { ok: true, headers: {}, release: NOTHING_TO_RELEASE };
      const key = `secureScore/${pair}`;
      const running = state.inFlight.get(key) ?? 0;
      if (running >= SECURE_SCORE_LIMITS.concurrentRequests) {
        // A concurrency limit has no clock to wait on; one second is a fair hint.
        return { ok: false, retryAfterMs: 1000, headers: {} };
      }
      const rate = windowed(state, active, key, SECURE_SCORE_LIMITS, nowMs);
      if (!rate.ok) return rate;
      state.inFlight.set(key, running + 1);
      let released = false;
      return {
        ok: true,
        headers: {},
        release: () => {
          if (released) return;
          released = true;
          state.inFlight.set(key, Math.max(0, (state.inFlight.get(key) ?? 1) - 1));
        },
      };
    }
    case "none":
      return { ok: true, headers: {}, release: NOTHING_TO_RELEASE };
  }
}

function windowed(
  state: ThrottleState,
  active: boolean,
  key: string,
  limit: { limit: number; windowSeconds: number },
  nowMs: number,
): ThrottleOutcome {
  if (!active) return { ok: true, headers: {}, release: NOTHING_TO_RELEASE };
  let window = state.windows.get(key);
  if (!window) {
    window = createSlidingWindow(limit.limit, limit.windowSeconds * 1000);
    state.windows.set(key, window);
  }
  const decision = admitToWindow(window, nowMs);
  if (decision.ok) return { ok: true, headers: {}, release: NOTHING_TO_RELEASE };
  return { ok: false, retryAfterMs: decision.retryAfterMs, headers: {} };
}

/** Graph writes Retry-After in seconds and sometimes with a fraction ("2.128"). */
export function formatRetryAfter(retryAfterMs: number): string {
  return String(Math.ceil(retryAfterMs) / 1000);
}
