import { describe, expect, it } from "vitest";
import { INTUNE_LIMIT, MULTI_TENANT_LIMIT, SECURE_SCORE_LIMITS } from "./limits";
import {
  admitRequest,
  createThrottleState,
  formatRetryAfter,
  type ThrottleClass,
} from "./throttler";

const subject = { appId: "app", tenantId: "tenant", userCount: 10 };
const users: ThrottleClass = {
  kind: "identity",
  request: { method: "GET", path: "users", hasSelect: false, hasExpand: false, top: undefined },
};

describe("admitRequest", () => {
  it("reports the resource units used and, past 80% of the bucket, the share consumed", () => {
    const state = createThrottleState();
    const first = admitRequest(state, users, subject, 0);
    expect(first.ok && first.headers).toEqual({ "x-ms-resource-unit": "2" });
    // S tenants have 3,500 units: 1,450 more requests of 2 units bring usage past 0.8.
    let last = first;
    for (let index = 0; index < 1450; index++) last = admitRequest(state, users, subject, 0);
    expect(last.ok && last.headers["x-ms-throttle-limit-percentage"]).toBe("0.8");
  });

  it("applies the Intune and multi-tenant windows per app and tenant", () => {
    for (const [kind, limit] of [
      ["intune", INTUNE_LIMIT],
      ["multiTenant", MULTI_TENANT_LIMIT],
    ] as const) {
      const state = createThrottleState();
      for (let index = 0; index < limit.limit; index++)
        expect(admitRequest(state, { kind }, subject, 0).ok).toBe(true);
      const refused = admitRequest(state, { kind }, subject, 0);
      expect(refused.ok, kind).toBe(false);
      expect(refused.ok ? 0 : refused.retryAfterMs).toBe(limit.windowSeconds * 1000);
      expect(admitRequest(state, { kind }, { ...subject, appId: "other" }, 0).ok).toBe(true);
    }
  });

  it("frees a secure-score slot when the request is released", () => {
    const state = createThrottleState();
    const running = Array.from({ length: SECURE_SCORE_LIMITS.concurrentRequests }, () =>
      admitRequest(state, { kind: "secureScore" }, subject, 0),
    );
    expect(running.every((outcome) => outcome.ok)).toBe(true);
    expect(admitRequest(state, { kind: "secureScore" }, subject, 0).ok).toBe(false);
    const first = running[0];
    if (first?.ok) {
      first.release();
      first.release(); // releasing twice frees one slot only
    }
    expect(admitRequest(state, { kind: "secureScore" }, subject, 0).ok).toBe(true);
    expect(admitRequest(state, { kind: "secureScore" }, subject, 0).ok).toBe(false);
  });

  it("admits everything for a tenant with throttling switched off, still reporting the cost", () => {
    const state = createThrottleState();
    state.disabledTenants.add("tenant");
    for (let index = 0; index < 5000; index++) {
      const outcome = admitRequest(state, users, subject, 0);
      expect(outcome.ok).toBe(true);
    }
    expect(admitRequest(state, users, { ...subject, tenantId: "other" }, 0).ok).toBe(true);
  });

  it("writes Retry-After in seconds, with milliseconds when needed", () => {
    expect(formatRetryAfter(2000)).toBe("2");
    expect(formatRetryAfter(2127.2)).toBe("2.128");
  });
});
