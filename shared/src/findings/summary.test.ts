import { describe, expect, it } from "vitest";
import { summariseFindings } from "./summary";
import type { FindingResult } from "./types";

const result = (findingId: string, status: FindingResult["status"]): FindingResult => ({
  findingId,
  status,
  evidence: [],
  ...(status === "notEvaluated" ? { reason: "dataset users not collected" } : {}),
});

describe("summariseFindings", () => {
  it("counts failing findings by catalogue severity and names the worst", () => {
    const summary = summariseFindings([
      result("admins-without-mfa", "fail"),
      result("stale-devices", "fail"),
      result("disabled-admins", "fail"),
      result("empty-groups", "pass"),
      result("inactive-users", "notEvaluated"),
    ]);
    expect(summary).toEqual({
      failing: { critical: 1, high: 0, medium: 0, low: 2, info: 0 },
      passed: 1,
      notEvaluated: 1,
      worst: "critical",
    });
  });

  it("has no worst severity when nothing fails, and ignores findings it does not know", () => {
    const summary = summariseFindings([
      result("empty-groups", "pass"),
      result("from-the-future", "fail"),
    ]);
    expect(summary.worst).toBeNull();
    expect(summary.failing).toEqual({ critical: 0, high: 0, medium: 0, low: 0, info: 0 });
    expect(summary.passed).toBe(1);
  });
});
