import { describe, expect, it } from "vitest";
import type { SecureScoreRow } from "../../datasets/secure-score";
import {
  auditEvent,
  daysAgo,
  evaluate,
  labels,
  secureScore,
  snapshotOf,
} from "../__fixtures__/rows";
import { adminMfaActionIncomplete } from "./admin-mfa-action-incomplete";
import { failedAuditEvents } from "./failed-audit-events";
import { recentRoleAssignments } from "./recent-role-assignments";
import { secureScoreDropped } from "./secure-score-dropped";
import { secureScoreLow } from "./secure-score-low";

function history(...scores: number[]): SecureScoreRow["history"] {
  // One point a day, the last one on 2026-11-26.
  return scores.map((currentScore, i) => ({
    date: new Date(Date.UTC(2026, 10, 26 - (scores.length - 1 - i))).toISOString(),
    currentScore,
    maxScore: 100,
  }));
}

describe("secure-score-low", () => {
  it("fires below 50 %, computing the percentage from the points", () => {
    const snapshot = snapshotOf({
      secureScore: [secureScore({ currentScore: 387, maxScore: 897, percentage: 99 })],
    });
    expect(evaluate(secureScoreLow, snapshot).evidence).toEqual([
      {
        dataset: "secureScore",
        rowId: "4c5e6f70-1111-4222-8333-944455556666_2026-11-26",
        label: "Secure Score",
        detail: "387 of 897 points (43.1 %)",
      },
    ]);
  });

  it("stays quiet at 50 % or more", () => {
    const snapshot = snapshotOf({
      secureScore: [secureScore({ currentScore: 50, maxScore: 100 })],
    });
    expect(evaluate(secureScoreLow, snapshot).status).toBe("pass");
  });

  it("is not evaluated when Secure Score was not collected", () => {
    expect(evaluate(secureScoreLow, snapshotOf({})).status).toBe("notEvaluated");
  });
});

describe("secure-score-dropped", () => {
  it("fires for a drop of 5 points from the week's peak", () => {
    const snapshot = snapshotOf({
      secureScore: [secureScore({ history: history(60, 66, 65, 61) })],
    });
    const result = evaluate(secureScoreDropped, snapshot);
    expect(result.status).toBe("fail");
    expect(result.evidence[0]?.detail).toBe(
      "Dropped 5 points: 66 on 2026-11-24 → 61 on 2026-11-26",
    );
  });

  it("stays quiet for a drop of less than 5 points and ignores drops older than 7 days", () => {
    const snapshot = snapshotOf({
      secureScore: [secureScore({ history: history(90, 70, 70, 70, 70, 70, 70, 70, 68) })],
    });
    expect(evaluate(secureScoreDropped, snapshot).status).toBe("pass");
  });

  it("is not evaluated with a single day of history", () => {
    const snapshot = snapshotOf({ secureScore: [secureScore({ history: history(60) })] });
    expect(evaluate(secureScoreDropped, snapshot).reason).toBe(
      "needs at least two days of Secure Score history",
    );
  });
});

describe("admin-mfa-action-incomplete", () => {
  const action = {
    controlName: "AdminMFAV2",
    title: "Ensure multifactor authentication is enabled for all users in administrative roles",
    remediation: null,
    userImpact: "Low",
    implementationCost: "Low",
    rank: 1,
    maxScore: 10,
    currentScore: 4,
    service: "Azure AD",
    complete: false,
    deprecated: false,
  };

  it("fires when the AdminMFAV2 action is not complete, with its score", () => {
    const snapshot = snapshotOf({ secureScore: [secureScore({ improvementActions: [action] })] });
    expect(evaluate(adminMfaActionIncomplete, snapshot).evidence[0]?.detail).toBe(
      "Ensure multifactor authentication is enabled for all users in administrative roles: 4 of 10 points",
    );
  });

  it("stays quiet when the action is complete", () => {
    const done = { ...action, currentScore: 10, complete: true };
    const snapshot = snapshotOf({ secureScore: [secureScore({ improvementActions: [done] })] });
    expect(evaluate(adminMfaActionIncomplete, snapshot).status).toBe("pass");
  });

  it("is not evaluated when the tenant's profiles have no AdminMFAV2 action", () => {
    const snapshot = snapshotOf({ secureScore: [secureScore()] });
    expect(evaluate(adminMfaActionIncomplete, snapshot).status).toBe("notEvaluated");
  });
});

describe("recent-role-assignments", () => {
  it("fires for a successful role grant 2 days ago, with who did it and from where", () => {
    const snapshot = snapshotOf({
      auditLogs: [
        auditEvent("e1", {
          activity: "Add member to role",
          activityDateTime: daysAgo(2),
          targets: ["eve@contoso.example", "Global Administrator"],
        }),
        auditEvent("e2", { activity: "Add member to role", activityDateTime: daysAgo(20) }),
        auditEvent("e3", { activity: "Add member to role", result: "failure" }),
        auditEvent("e4", { activity: "Update user" }),
      ],
    });
    expect(evaluate(recentRoleAssignments, snapshot).evidence).toEqual([
      {
        dataset: "auditLogs",
        rowId: "e1",
        label: "Add member to role: eve@contoso.example, Global Administrator",
        detail: `${daysAgo(2).slice(0, 10)} by admin@contoso.example from 203.0.113.7`,
      },
    ]);
  });

  it("stays quiet when the audit log has no role grants in 7 days", () => {
    const snapshot = snapshotOf({
      auditLogs: [auditEvent("e1"), auditEvent("e2", { activity: "Add member to group" })],
    });
    expect(evaluate(recentRoleAssignments, snapshot).status).toBe("pass");
  });
});

describe("failed-audit-events", () => {
  const failures = (count: number, age: number) =>
    Array.from({ length: count }, (_, i) =>
      auditEvent(`f${age}-${i}`, {
        result: "failure",
        resultReason: "Insufficient privileges",
        activityDateTime: daysAgo(age),
      }),
    );

  it("fires at 10 failures in 7 days, listing each", () => {
    const snapshot = snapshotOf({ auditLogs: [...failures(10, 1), auditEvent("ok")] });
    const result = evaluate(failedAuditEvents, snapshot);
    expect(result.status).toBe("fail");
    expect(labels(result)).toHaveLength(10);
    expect(result.reason).toBe("10 failed events in 7 days");
  });

  it("stays quiet for fewer failures, or old ones", () => {
    const snapshot = snapshotOf({ auditLogs: [...failures(9, 1), ...failures(30, 10)] });
    expect(evaluate(failedAuditEvents, snapshot).status).toBe("pass");
  });
});
