import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { cloudSecurityIdentifier } from "./generate/sids";
import { appRoleAssignmentId, isoDate, isoSeconds, isoTicks, roleAssignmentId } from "./graph-ids";

const SAMPLES = new URL("../../../../shared/graph/samples/", import.meta.url);
const sample = (name: string) => JSON.parse(readFileSync(new URL(name, SAMPLES), "utf8"));

describe("Graph id formats", () => {
  it("builds role assignment ids exactly as in Microsoft's roleAssignments sample", () => {
    for (const assignment of sample("roleassignments-list.json").value) {
      expect(roleAssignmentId(assignment.roleDefinitionId, assignment.principalId)).toBe(
        assignment.id,
      );
    }
  });

  it("starts app role assignment ids with the principal's GUID bytes, as the appRoleAssignedTo sample does", () => {
    const [assignment] = sample("approleassignedto-list.json").value;
    const id = appRoleAssignmentId(assignment.principalId, [1, 2, 3, 4]);
    expect(id).toHaveLength(assignment.id.length);
    // 16 bytes fill 21 base64 characters completely.
    expect(id.slice(0, 21)).toBe(assignment.id.slice(0, 21));
  });

  it("derives a cloud object's SID from its object id (S-1-12-1 + four little-endian words)", () => {
    // A published object id → SID pair used when mapping Entra groups to Windows local groups.
    expect(cloudSecurityIdentifier("73d664e4-0886-4a73-b745-c694da45ddb4")).toBe(
      "S-1-12-1-1943430372-1249052806-2496021943-3034400218",
    );
  });
});

describe("Graph timestamp formats", () => {
  it("formats whole-second timestamps like Date#toISOString without milliseconds", () => {
    for (const ms of [0, 951_782_400_000 - 1, 1_709_251_199_999, 1_768_478_400_123]) {
      expect(isoSeconds(ms)).toBe(
        new Date(Math.floor(ms / 1000) * 1000).toISOString().replace(".000Z", "Z"),
      );
    }
  });

  it("formats audit timestamps with seven fractional digits as the directoryAudits sample does", () => {
    expect(isoTicks(Date.UTC(2018, 0, 9, 21, 20, 2, 721), 5374)).toBe(
      "2018-01-09T21:20:02.7215374Z",
    );
    expect(isoDate(Date.UTC(2019, 2, 19, 23, 59))).toBe("2019-03-19");
  });
});
