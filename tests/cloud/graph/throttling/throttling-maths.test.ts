import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { IDENTITY_LIMITS, REPORTS_LIMIT, SECURE_SCORE_LIMITS, tenantSizeFor } from "./limits";
import { resourceUnitCost } from "./resource-units";
import { admitToWindow, createSlidingWindow } from "./sliding-window";
import { createTokenBucket, takeFromBucket } from "./token-bucket";

const published = JSON.parse(readFileSync("../shared/graph/throttling.json", "utf8")) as {
  identityAndAccess: {
    resourceUnitQuota: {
      applicationTenantPair: { S: number; M: number; L: number; windowSeconds: number };
    };
    baseCosts: { method: string; path: string; resourceUnitCost: number }[];
  };
  identityAndAccessReports: { limits: { limit: number; windowSeconds: number }[] };
  securityDetectionsAndIncidents: {
    limits: { limit?: number; concurrentRequests?: number; operation: string }[];
  };
};

describe("throttling limits", () => {
  it("match the published numbers in throttling.json", () => {
    const quota = published.identityAndAccess.resourceUnitQuota.applicationTenantPair;
    expect(IDENTITY_LIMITS.resourceUnitsPer10s).toEqual({ S: quota.S, M: quota.M, L: quota.L });
    expect(IDENTITY_LIMITS.windowSeconds).toBe(quota.windowSeconds);
    const listed = published.identityAndAccess.baseCosts
      .filter((row) => row.path !== "*")
      .map((row) => ({ method: row.method, path: row.path, cost: row.resourceUnitCost }));
    expect(IDENTITY_LIMITS.baseCosts).toEqual(listed);
    expect(REPORTS_LIMIT).toEqual({
      limit: published.identityAndAccessReports.limits[0]?.limit,
      windowSeconds: published.identityAndAccessReports.limits[0]?.windowSeconds,
    });
    const concurrent = published.securityDetectionsAndIncidents.limits.find(
      (row) => row.concurrentRequests !== undefined,
    );
    expect(SECURE_SCORE_LIMITS.concurrentRequests).toBe(concurrent?.concurrentRequests);
  });

  it("sizes tenants S under 50 users, M up to 500, L above", () => {
    expect(tenantSizeFor(49)).toBe("S");
    expect(tenantSizeFor(50)).toBe("M");
    expect(tenantSizeFor(500)).toBe("M");
    expect(tenantSizeFor(501)).toBe("L");
  });
});

describe("resource unit costs", () => {
  const cost = (
    method: string,
    path: string,
    extra: Partial<{ hasSelect: boolean; hasExpand: boolean; top: number }> = {},
  ) =>
    resourceUnitCost({
      method,
      path,
      hasSelect: false,
      hasExpand: false,
      top: undefined,
      ...extra,
    });

  it("uses the table's base costs, and 1 for unlisted paths", () => {
    expect(cost("GET", "users")).toBe(2);
    expect(cost("GET", "groups/4a5d/members")).toBe(3);
    expect(cost("GET", "subscribedSkus")).toBe(3);
    expect(cost("GET", "devices")).toBe(1);
    expect(cost("DELETE", "servicePrincipals/abc")).toBe(1);
  });

  it("applies me/ costs to users/{id}/ paths too", () => {
    expect(cost("GET", "me/memberOf")).toBe(2);
    expect(cost("GET", "users/87d349ed/memberOf")).toBe(2);
  });

  it("adjusts for $select (-1), $expand (+1) and $top below 20 (-1), never below 1", () => {
    expect(cost("GET", "users", { hasSelect: true })).toBe(1);
    expect(cost("GET", "users", { hasExpand: true })).toBe(3);
    expect(cost("GET", "groups/1/members", { hasSelect: true, top: 5 })).toBe(1);
    expect(cost("GET", "devices", { hasSelect: true, top: 1 })).toBe(1);
    expect(cost("GET", "users", { top: 999 })).toBe(2);
  });
});

describe("token bucket", () => {
  it("spends units, refuses when empty, and tells how long the refill takes", () => {
    const bucket = createTokenBucket(10, 10_000, 0);
    expect(takeFromBucket(bucket, 6, 0)).toEqual({ ok: true, remaining: 4 });
    expect(takeFromBucket(bucket, 6, 0)).toEqual({ ok: false, retryAfterMs: 2000 });
    // 2 s later 2 units came back: 6 are available.
    expect(takeFromBucket(bucket, 6, 2000).ok).toBe(true);
  });

  it("never refills above its capacity", () => {
    const bucket = createTokenBucket(10, 10_000, 0);
    takeFromBucket(bucket, 1, 0);
    takeFromBucket(bucket, 0, 1_000_000);
    expect(bucket.tokens).toBe(10);
  });
});

describe("sliding window", () => {
  it("admits N per window and says when the oldest leaves it", () => {
    const window = createSlidingWindow(5, 10_000);
    for (let second = 0; second < 5; second++)
      expect(admitToWindow(window, second * 1000).ok).toBe(true);
    expect(admitToWindow(window, 5000)).toEqual({ ok: false, retryAfterMs: 5000 });
    expect(admitToWindow(window, 10_000).ok).toBe(true);
  });
});
