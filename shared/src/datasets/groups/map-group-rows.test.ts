import { describe, expect, it } from "vitest";
import { readGraphSampleItems } from "../../../../tests/support/graph-samples";
import type { GraphGroup } from "../../graph-types";
import { type GroupRow, groupRowSchema } from "../groups";
import { type GroupsInput, mapGroupRows } from "./map-group-rows";

/** Which group property feeds which column: a sample's value must reach its row unchanged. */
const COLUMN_SOURCES: Readonly<Partial<Record<keyof GroupRow, keyof GraphGroup>>> = {
  id: "id",
  displayName: "displayName",
  description: "description",
  mail: "mail",
  groupTypes: "groupTypes",
  mailEnabled: "mailEnabled",
  proxyAddresses: "proxyAddresses",
  resourceBehaviorOptions: "resourceBehaviorOptions",
  securityEnabled: "securityEnabled",
  onPremisesSyncEnabled: "onPremisesSyncEnabled",
};

function groups(input: GroupsInput): GroupRow[] {
  const rows = mapGroupRows(input);
  expect(groupRowSchema.array().parse(rows)).toEqual(rows);
  return rows;
}

function expectNoColumnDataLost(sample: readonly GraphGroup[], rows: readonly GroupRow[]): void {
  const live = sample.filter((group) => !Object.hasOwn(group, "@removed"));
  expect(rows).toHaveLength(live.length);
  live.forEach((group, index) => {
    for (const [column, property] of Object.entries(COLUMN_SOURCES)) {
      if (Object.hasOwn(group, property)) {
        expect(rows[index]?.[column as keyof GroupRow]).toEqual(group[property]);
      }
    }
  });
}

describe("groups from the published Graph samples", () => {
  it("maps groups-list without losing a column, naming a Microsoft 365 group and a distribution list", () => {
    const sample = readGraphSampleItems<GraphGroup>("groups-list");
    const rows = groups({ groups: sample });
    expectNoColumnDataLost(sample, rows);
    expect(rows.map((row) => row.kind)).toEqual(["Microsoft 365", "Distribution"]);
  });

  for (const name of [
    "groups-delta",
    "groups-delta-page2",
    "groups-delta-final",
    "groups-delta-nochanges",
  ]) {
    it(`maps ${name} without losing a column`, () => {
      const sample = readGraphSampleItems<GraphGroup>(name);
      expectNoColumnDataLost(sample, groups({ groups: sample }));
    });
  }

  it("rejects groups-delta-apiref as published (the doc shortened away the group id)", () => {
    const sample = readGraphSampleItems<GraphGroup>("groups-delta-apiref");
    expect(() => mapGroupRows({ groups: sample })).toThrow(
      expect.objectContaining({ entity: "group", objectId: null, field: "id" }),
    );
  });

  it("maps groups-delta-apiref once the id the service always returns is present", () => {
    const sample = readGraphSampleItems<GraphGroup>("groups-delta-apiref").map((group) => ({
      ...group,
      id: "02bd9fd6-8f93-4758-87c3-1fb73740a315",
    }));
    const rows = groups({ groups: sample });
    expectNoColumnDataLost(sample, rows);
    expect(rows[0]?.kind).toBe("Microsoft 365");
  });
});

describe("group columns", () => {
  const base: GraphGroup = { id: "g1", groupTypes: [], mailEnabled: false, securityEnabled: true };

  it("names each kind of group as the admin centers do", () => {
    const rows = groups({
      groups: [
        { ...base, id: "security" },
        { ...base, id: "mail-security", mailEnabled: true },
        { ...base, id: "distribution", mailEnabled: true, securityEnabled: false },
        { ...base, id: "m365", groupTypes: ["Unified"], mailEnabled: true, securityEnabled: false },
        {
          ...base,
          id: "dynamic-m365",
          groupTypes: ["Unified", "DynamicMembership"],
          mailEnabled: true,
        },
        { ...base, id: "dynamic-security", groupTypes: ["DynamicMembership"] },
        { ...base, id: "neither", securityEnabled: false },
      ],
    });
    expect(rows.map((row) => row.kind)).toEqual([
      "Security",
      "Mail-enabled security",
      "Distribution",
      "Microsoft 365",
      "Microsoft 365 (dynamic)",
      "Security (dynamic)",
      "Unknown",
    ]);
  });

  it("shows the cloud security identifier, or the on-premises one of a group synced without it", () => {
    const rows = groups({
      groups: [
        { ...base, securityIdentifier: "S-1-12-1-1", onPremisesSecurityIdentifier: "S-1-5-21-9" },
        { ...base, id: "g2", onPremisesSecurityIdentifier: "S-1-5-21-7" },
        { ...base, id: "g3" },
      ],
    });
    expect(rows.map((row) => row.securityIdentifier)).toEqual(["S-1-12-1-1", "S-1-5-21-7", null]);
  });

  it("shows member counts where collected and null elsewhere", () => {
    const rows = groups({
      groups: [base, { ...base, id: "g2" }],
      memberCounts: new Map([["g1", 0]]),
    });
    expect(rows.map((row) => row.memberCount)).toEqual([0, null]);
  });

  it("skips the tombstones of deleted groups", () => {
    const rows = groups({ groups: [base, { id: "gone", "@removed": { reason: "deleted" } }] });
    expect(rows.map((row) => row.id)).toEqual(["g1"]);
  });

  it("names the group and field when Graph sends a value of the wrong type", () => {
    expect(() =>
      mapGroupRows({ groups: [{ ...base, proxyAddresses: "SMTP:x@y" } as unknown as GraphGroup] }),
    ).toThrow(
      expect.objectContaining({ entity: "group", objectId: "g1", field: "proxyAddresses" }),
    );
  });
});
