import { describe, expect, it } from "vitest";
import { FINDINGS } from "../../shared/src/findings";
import { computeFindings } from "../../shared/src/findings/compute";
import { datasetsWithWrongHash } from "../../shared/src/snapshot/build";
import { snapshotEnvelopeSchema } from "../../shared/src/snapshot/envelope";
import {
  buildTestSnapshot,
  PLANTABLE_PROBLEMS,
  type TestSnapshotOptions,
} from "./snapshot-builder";

const PROFILES: Record<string, TestSnapshotOptions> = {
  clean: { seed: 1 },
  messy: { seed: 2, plant: "all" },
  "no P1": { seed: 3, entraIdP1: false, plant: "all" },
  "no P1, methods collected, no Intune": {
    seed: 4,
    entraIdP1: false,
    authenticationMethodsCollected: true,
    intune: false,
    plant: "all",
  },
};

function statusOf(options: TestSnapshotOptions, findingId: string) {
  return computeFindings(buildTestSnapshot(options)).find((r) => r.findingId === findingId);
}

describe("buildTestSnapshot", () => {
  it.each(Object.entries(PROFILES))(
    "builds a %s tenant the relay's envelope schema accepts, with correct content hashes",
    (_name, options) => {
      const snapshot = buildTestSnapshot(options);
      expect(snapshotEnvelopeSchema.safeParse(snapshot).success).toBe(true);
      expect(datasetsWithWrongHash(snapshot)).toEqual([]);
      expect(Object.keys(snapshot.datasets).sort()).toEqual(
        ["auditLogs", "computers", "groups", "licences", "roles", "secureScore", "users"].sort(),
      );
    },
  );

  it("gives the same snapshot for the same seed and a different one for another seed", () => {
    expect(buildTestSnapshot({ seed: 9, plant: "all" })).toEqual(
      buildTestSnapshot({ seed: 9, plant: "all" }),
    );
    const a = buildTestSnapshot({ seed: 9 }).datasets.users?.rows.map((u) => u.userPrincipalName);
    const b = buildTestSnapshot({ seed: 10 }).datasets.users?.rows.map((u) => u.userPrincipalName);
    expect(a).not.toEqual(b);
  });

  it("honours the size knobs: each extra staff member, device, group and audit event is one more row", () => {
    const small = buildTestSnapshot({ users: 10, devices: 5, groups: 3, auditEvents: 4 });
    const big = buildTestSnapshot({ users: 60, devices: 45, groups: 13, auditEvents: 24 });
    const count = (s: typeof small, d: keyof typeof small.datasets) =>
      s.datasets[d]?.rows.length ?? 0;
    expect(count(big, "users") - count(small, "users")).toBe(50);
    expect(count(big, "computers") - count(small, "computers")).toBe(40);
    expect(count(big, "groups") - count(small, "groups")).toBe(10);
    expect(count(big, "auditLogs") - count(small, "auditLogs")).toBe(20);
  });

  it("gives every user a unique id and UPN, even in a large tenant", () => {
    const users = buildTestSnapshot({ users: 3000, plant: "all" }).datasets.users?.rows ?? [];
    expect(new Set(users.map((u) => u.id)).size).toBe(users.length);
    expect(new Set(users.map((u) => u.userPrincipalName.toLowerCase())).size).toBe(users.length);
  });

  it("leaves out datasets not asked for, so findings needing them are not evaluated", () => {
    const snapshot = buildTestSnapshot({ datasets: ["users", "licences"] });
    expect(Object.keys(snapshot.datasets).sort()).toEqual(["licences", "users"]);
    expect(statusOf({ datasets: ["users"] }, "global-admin-count")?.reason).toBe(
      "dataset roles not collected",
    );
  });

  it("without P1, answers MFA as unknown and sign-ins as unavailable, as the users mapper does", () => {
    const users = buildTestSnapshot({ entraIdP1: false }).datasets.users?.rows ?? [];
    expect(new Set(users.map((u) => u.mfa.source))).toEqual(new Set(["none"]));
    expect(users.every((u) => typeof u.lastSignIn === "object" && u.lastSignIn !== null)).toBe(
      true,
    );
    expect(users[0]?.mfa.securityDefaultsEnabled).toBe(true);
  });

  it("without Intune, marks computers partial with the troubleshooting code and no device managed", () => {
    const computers = buildTestSnapshot({ intune: false }).datasets.computers;
    expect(computers?.status).toMatchObject({
      state: "partial",
      reasonCode: "IntuneRequestNotApplicable",
    });
    expect(computers?.rows.some((d) => d.intuneManaged)).toBe(false);
  });

  it("can plant exactly one problem per finding in the catalogue", () => {
    expect([...PLANTABLE_PROBLEMS].sort()).toEqual(FINDINGS.map((f) => f.id).sort());
  });
});

describe("generated tenants against the findings", () => {
  it("a clean P1 tenant fails no finding", () => {
    const failing = computeFindings(buildTestSnapshot({ seed: 1 })).filter(
      (r) => r.status === "fail",
    );
    expect(failing.map((r) => r.findingId)).toEqual([]);
  });

  it("a clean tenant without P1 fails only 'MFA status unknown'", () => {
    const failing = computeFindings(buildTestSnapshot({ seed: 3, entraIdP1: false }))
      .filter((r) => r.status === "fail")
      .map((r) => r.findingId);
    expect(failing).toEqual(["mfa-status-unknown"]);
  });

  it.each(PLANTABLE_PROBLEMS)("planting %s alone makes that finding fail", (problem) => {
    // Security defaults can only be judged off in a tenant without P1 (see the finding).
    const options: TestSnapshotOptions =
      problem === "security-defaults-off" ? { entraIdP1: false } : {};
    const result = statusOf({ ...options, seed: 5, plant: [problem] }, problem);
    expect(result?.status).toBe("fail");
    expect(result?.evidence.length).toBeGreaterThan(0);
  });
});
