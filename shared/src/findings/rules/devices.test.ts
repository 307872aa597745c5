import { describe, expect, it } from "vitest";
import { computer, daysAgo, evaluate, snapshotOf } from "../__fixtures__/rows";
import { noncompliantDevices } from "./noncompliant-devices";
import { staleDevices } from "./stale-devices";
import { unmanagedDevices } from "./unmanaged-devices";

describe("stale-devices", () => {
  it("fires for an enabled device idle 120 days, not for a disabled one", () => {
    const snapshot = snapshotOf({
      computers: [
        computer("OLD-PC", { lastActivity: daysAgo(120) }),
        computer("GONE-PC", { lastActivity: daysAgo(300), accountEnabled: false }),
        computer("NEW-PC"),
      ],
    });
    expect(evaluate(staleDevices, snapshot).evidence).toEqual([
      {
        dataset: "computers",
        rowId: "OLD-PC",
        label: "OLD-PC",
        detail: `Last activity ${daysAgo(120).slice(0, 10)} (120 days ago)`,
      },
    ]);
  });

  it("stays quiet when every device was active within 90 days", () => {
    const snapshot = snapshotOf({ computers: [computer("A", { lastActivity: daysAgo(89) })] });
    expect(evaluate(staleDevices, snapshot).status).toBe("pass");
  });

  it("is not evaluated when no device has an activity date", () => {
    const snapshot = snapshotOf({ computers: [computer("A", { lastActivity: null })] });
    expect(evaluate(staleDevices, snapshot).status).toBe("notEvaluated");
  });
});

describe("unmanaged-devices", () => {
  it("fires for an Entra joined Windows PC outside Intune, not for a registered phone", () => {
    const snapshot = snapshotOf({
      computers: [
        computer("LAPTOP-7", {
          intuneManaged: false,
          compliant: null,
          owner: "ann@contoso.example",
        }),
        computer("Ann's iPhone", { intuneManaged: false, os: "iOS", joinType: "Entra registered" }),
      ],
    });
    expect(evaluate(unmanagedDevices, snapshot).evidence).toEqual([
      {
        dataset: "computers",
        rowId: "LAPTOP-7",
        label: "LAPTOP-7",
        detail:
          "Not Intune managed; Windows 10.0.26100.2314; Entra joined; owner ann@contoso.example",
      },
    ]);
  });

  it("stays quiet when every computer is Intune managed", () => {
    expect(evaluate(unmanagedDevices, snapshotOf({ computers: [computer("A")] })).status).toBe(
      "pass",
    );
  });

  it("is not evaluated when Intune data is missing (partial computers dataset)", () => {
    const snapshot = snapshotOf(
      { computers: [computer("A", { intuneManaged: false })] },
      { computers: { state: "partial", reasonCode: "Request_NotApplicableToTargetTenant" } },
    );
    expect(evaluate(unmanagedDevices, snapshot)).toMatchObject({
      status: "notEvaluated",
      reason:
        "computers dataset partial (Request_NotApplicableToTargetTenant): Intune data may be missing",
    });
  });
});

describe("noncompliant-devices", () => {
  it("fires for a managed device Intune reports not compliant", () => {
    const snapshot = snapshotOf({
      computers: [computer("BAD-PC", { compliant: false }), computer("GOOD-PC")],
    });
    const result = evaluate(noncompliantDevices, snapshot);
    expect(result.evidence.map((e) => e.label)).toEqual(["BAD-PC"]);
    expect(result.evidence[0]?.detail).toBe("Not compliant; Windows 10.0.26100.2314; Entra joined");
  });

  it("is not evaluated when no device is managed and Intune data is missing", () => {
    const snapshot = snapshotOf(
      { computers: [computer("A", { intuneManaged: false, compliant: null })] },
      { computers: { state: "partial", reasonCode: "IntuneRequestNotApplicable" } },
    );
    expect(evaluate(noncompliantDevices, snapshot)).toMatchObject({
      status: "notEvaluated",
      reason: "computers dataset partial: Intune data may be missing",
    });
  });

  it("stays quiet when managed devices are compliant and unmanaged ones have no state", () => {
    const snapshot = snapshotOf({
      computers: [computer("A"), computer("B", { intuneManaged: false, compliant: null })],
    });
    expect(evaluate(noncompliantDevices, snapshot).status).toBe("pass");
  });
});
