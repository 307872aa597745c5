import { describe, expect, it } from "vitest";
import { evaluate, licence, snapshotOf } from "../__fixtures__/rows";
import { licencesInWarningOrSuspended } from "./licences-in-warning-or-suspended";
import { overConsumedLicences } from "./over-consumed-licences";
import { unusedLicenceSeats } from "./unused-licence-seats";

describe("unused-licence-seats", () => {
  it("fires for a SKU with more than 20 % of its seats unused", () => {
    const snapshot = snapshotOf({
      licences: [
        licence("SPB", {
          friendlyName: "Microsoft 365 Business Premium",
          activeUnits: 10,
          consumedUnits: 7,
        }),
      ],
    });
    expect(evaluate(unusedLicenceSeats, snapshot).evidence).toEqual([
      {
        dataset: "licences",
        rowId: "4c5e6f70-1111-4222-8333-944455556666_SPB",
        label: "Microsoft 365 Business Premium",
        detail: "3 unused (7 of 10 seats used)",
      },
    ]);
  });

  it("fires for more than 10 unused seats even when that is a small share", () => {
    const snapshot = snapshotOf({
      licences: [licence("E3", { activeUnits: 500, consumedUnits: 480 })],
    });
    expect(evaluate(unusedLicenceSeats, snapshot).evidence[0]?.detail).toBe(
      "20 unused (480 of 500 seats used)",
    );
  });

  it("stays quiet for nearly full SKUs and for free SKUs with thousands of units", () => {
    const snapshot = snapshotOf({
      licences: [
        licence("E3", { activeUnits: 50, consumedUnits: 45 }),
        licence("FLOW_FREE", { activeUnits: 10_000, consumedUnits: 3 }),
      ],
    });
    expect(evaluate(unusedLicenceSeats, snapshot).status).toBe("pass");
  });
});

describe("over-consumed-licences", () => {
  it("fires when more units are consumed than active", () => {
    const snapshot = snapshotOf({
      licences: [licence("E3", { activeUnits: 10, consumedUnits: 12 })],
    });
    expect(evaluate(overConsumedLicences, snapshot).evidence[0]?.detail).toBe(
      "2 over (12 of 10 seats used)",
    );
  });

  it("stays quiet when consumption is within the seats owned", () => {
    const snapshot = snapshotOf({
      licences: [licence("E3", { activeUnits: 10, consumedUnits: 10 })],
    });
    expect(evaluate(overConsumedLicences, snapshot).status).toBe("pass");
  });
});

describe("licences-in-warning-or-suspended", () => {
  it("fires for warning units and for a suspended subscription", () => {
    const snapshot = snapshotOf({
      licences: [
        licence("E3", { warningUnits: 5 }),
        licence("VISIO", { capabilityStatus: "Suspended", suspendedUnits: 2 }),
        licence("SPB"),
      ],
    });
    expect(
      evaluate(licencesInWarningOrSuspended, snapshot).evidence.map((e) => [e.label, e.detail]),
    ).toEqual([
      ["E3", "Status Enabled; warning 5, suspended 0, locked out 0"],
      ["VISIO", "Status Suspended; warning 0, suspended 2, locked out 0"],
    ]);
  });

  it("stays quiet when every subscription is enabled with no warning units", () => {
    expect(
      evaluate(licencesInWarningOrSuspended, snapshotOf({ licences: [licence("E3")] })).status,
    ).toBe("pass");
  });

  it("is not evaluated when the licences dataset is missing", () => {
    expect(evaluate(licencesInWarningOrSuspended, snapshotOf({})).reason).toBe(
      "dataset licences not collected",
    );
  });
});
