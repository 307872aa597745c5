import { describe, expect, it } from "vitest";
import { buildScenario } from "./scenarios";

/**
 * CI builds a 20,000-user bench tenant (the 100,000-user figure and timings are in
 * docs/benchmarks/emulator-generator.md); no timing is asserted here.
 */
describe("bench scenario at scale", () => {
  it("generates 20,000 users with consistent licence counts, devices, groups and audit events", () => {
    const bench = buildScenario("bench", {
      seed: 1,
      users: 20_000,
      devices: 6_000,
      groups: 2_000,
      auditEvents: 40_000,
    });
    const [tenant] = [...bench.tenants.values()];
    if (!tenant) throw new Error("bench built no tenant");
    const users = [...tenant.collections.users.values()];
    expect(users.filter((user) => user.userType === "Member")).toHaveLength(20_000);
    expect(new Set(users.map((user) => user.userPrincipalName)).size).toBe(users.length);
    expect(tenant.collections.devices.size).toBe(6_000);
    expect(tenant.collections.directoryAudits.size).toBe(40_000);
    expect(tenant.collections.userRegistrationDetails.size).toBe(users.length);
    for (const sku of tenant.collections.subscribedSkus.values()) {
      const holders = users.filter((user) =>
        (user.assignedLicenses as { skuId: string }[]).some(
          (licence) => licence.skuId === sku.skuId,
        ),
      ).length;
      expect(sku.consumedUnits).toBe(holders);
    }
  });
});
