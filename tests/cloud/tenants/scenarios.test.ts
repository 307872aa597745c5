import { beforeAll, describe, expect, it } from "vitest";
import { EXTENSION_REDIRECT_URI } from "../../../shared/src/extension-identity";
import { REQUESTED_SCOPES } from "../../../shared/src/permissions";
import { createCloudContext } from "../context";
import {
  DEMO_CONFIDENTIAL_APP_ID,
  DEMO_CONFIDENTIAL_APP_SECRET,
  DEMO_SIGN_IN_NAMES,
  DEMO_SPA_APP_ID,
  DEMO_SPA_SCOPES,
  DEMO_TENANTS,
} from "./demo-constants";
import { type EmulatedTenant, findTenant } from "./model";
import { type BuiltScenario, buildScenario, isScenarioName } from "./scenarios";

const NOW = Date.UTC(2026, 5, 1, 8, 0, 0);

function spaConsent(
  tenant: EmulatedTenant,
): "granted" | "missingScopes" | "notGranted" | "servicePrincipalDeleted" {
  const sp = [...tenant.collections.servicePrincipals.values()].find(
    (candidate) => candidate.appId === DEMO_SPA_APP_ID,
  );
  if (!sp) {
    const deleted = tenant.changeLog.some(
      (entry) => entry.collection === "servicePrincipals" && entry.kind === "remove",
    );
    return deleted ? "servicePrincipalDeleted" : "notGranted";
  }
  const grant = [...tenant.collections.oauth2PermissionGrants.values()].find(
    (candidate) => candidate.clientId === sp.id,
  );
  const granted = new Set(String(grant?.scope ?? "").split(" "));
  return DEMO_SPA_SCOPES.every((scope) => granted.has(scope)) ? "granted" : "missingScopes";
}

describe("demo scenario", () => {
  let demo: BuiltScenario;
  beforeAll(() => {
    demo = buildScenario("demo", { seed: 1, nowMs: NOW });
  });
  const tenants = () => [...demo.tenants.values()];

  it("holds one CSP partner, six customers and one standalone tenant", () => {
    const kinds = tenants().map((tenant) => tenant.kind);
    expect(kinds.filter((kind) => kind === "partner")).toHaveLength(1);
    expect(kinds.filter((kind) => kind === "customer")).toHaveLength(6);
    expect(kinds.filter((kind) => kind === "standalone")).toHaveLength(1);
    expect(demo.tenants.get(DEMO_TENANTS.partner.id)?.displayName).toBe("Northwind MSP");
  });

  it("sizes customers from about 10 to 600 users", () => {
    const sizes = tenants()
      .filter((tenant) => tenant.kind === "customer")
      .map(
        (tenant) =>
          [...tenant.collections.users.values()].filter((user) => user.userType === "Member")
            .length,
      );
    expect(Math.min(...sizes)).toBe(10);
    expect(Math.max(...sizes)).toBe(600);
  });

  it("varies licensing: one customer without P1, one without Intune, one with a suspended SKU", () => {
    const customers = tenants().filter((tenant) => tenant.kind === "customer");
    expect(customers.some((tenant) => !tenant.licensing.entraIdP1)).toBe(true);
    expect(customers.some((tenant) => tenant.licensing.entraIdP1 && !tenant.licensing.intune)).toBe(
      true,
    );
    expect(
      customers.some((tenant) =>
        [...tenant.collections.subscribedSkus.values()].some(
          (sku) => sku.capabilityStatus === "Suspended",
        ),
      ),
    ).toBe(true);
  });

  it("covers the four consent states among customers and consents the partner and standalone tenants", () => {
    const states = tenants()
      .filter((tenant) => tenant.kind === "customer")
      .map(spaConsent);
    expect(new Set(states)).toEqual(
      new Set(["granted", "notGranted", "missingScopes", "servicePrincipalDeleted"]),
    );
    expect(spaConsent(demo.tenants.get(DEMO_TENANTS.partner.id) as EmulatedTenant)).toBe("granted");
    expect(spaConsent(demo.tenants.get(DEMO_TENANTS.standalone.id) as EmulatedTenant)).toBe(
      "granted",
    );
  });

  it("lists every customer in the partner's contracts and delegatedAdminCustomers", () => {
    const partner = demo.tenants.get(DEMO_TENANTS.partner.id) as EmulatedTenant;
    const customerIds = tenants()
      .filter((tenant) => tenant.kind === "customer")
      .map((tenant) => tenant.id)
      .sort();
    expect(
      [...partner.collections.contracts.values()].map((contract) => contract.customerId).sort(),
    ).toEqual(customerIds);
    expect(
      [...partner.collections.delegatedAdminCustomers.values()]
        .map((customer) => customer.tenantId)
        .sort(),
    ).toEqual(customerIds);
    for (const contract of partner.collections.contracts.values())
      expect(["ResellerPartner", "SyndicationPartner"]).toContain(contract.contractType);
  });

  it("holds one active GDAP relationship per customer, always with Global Reader", () => {
    const partner = demo.tenants.get(DEMO_TENANTS.partner.id) as EmulatedTenant;
    const relationships = [...partner.collections.delegatedAdminRelationships.values()];
    const customers = tenants().filter((tenant) => tenant.kind === "customer");
    expect(
      relationships
        .map((relationship) => (relationship.customer as { tenantId: string }).tenantId)
        .sort(),
    ).toEqual(customers.map((tenant) => tenant.id).sort());
    for (const relationship of relationships) {
      expect(relationship.status).toBe("active");
      const roles = (
        relationship.accessDetails as { unifiedRoles: { roleDefinitionId: string }[] }
      ).unifiedRoles.map((role) => role.roleDefinitionId);
      expect(roles).toContain("f2ef992c-3afb-46b9-b7cf-a126ee74c451");
      expect(roles).not.toContain("62e90394-69f5-4237-9190-012177145e10");
    }
  });

  it("gives each customer GDAP holders that are real partner users, and none to the standalone tenant", () => {
    const partner = demo.tenants.get(DEMO_TENANTS.partner.id) as EmulatedTenant;
    for (const customer of tenants().filter((tenant) => tenant.kind === "customer")) {
      expect(customer.partner?.tenantId).toBe(partner.id);
      expect(customer.partner?.delegatedAdminUserIds.length).toBeGreaterThan(0);
      for (const id of customer.partner?.delegatedAdminUserIds ?? [])
        expect(partner.collections.users.has(id)).toBe(true);
    }
    expect(demo.tenants.get(DEMO_TENANTS.standalone.id)?.partner).toBeUndefined();
  });

  it("has the demo sign-in accounts, and the standalone admin is a Global Administrator", () => {
    for (const upn of Object.values(DEMO_SIGN_IN_NAMES)) {
      const tenant = findTenant(
        {
          tenants: demo.tenants,
          apps: demo.apps,
          clock: { now: () => NOW, advance: () => {}, set: () => {} },
        },
        upn.split("@")[1] as string,
      );
      expect(
        [...(tenant?.collections.users.values() ?? [])].some(
          (user) => user.userPrincipalName === upn,
        ),
        upn,
      ).toBe(true);
    }
    const standalone = demo.tenants.get(DEMO_TENANTS.standalone.id) as EmulatedTenant;
    const admin = [...standalone.collections.users.values()].find(
      (user) => user.userPrincipalName === DEMO_SIGN_IN_NAMES.standaloneAdmin,
    );
    const assignment = [...standalone.collections.roleAssignments.values()].find(
      (a) => a.principalId === admin?.id,
    );
    expect(assignment?.roleDefinitionId).toBe("62e90394-69f5-4237-9190-012177145e10");
  });

  it("registers the SPA app for the extension's redirect URI and a confidential app with a secret", () => {
    const spa = demo.apps.get(DEMO_SPA_APP_ID);
    expect(spa?.spaRedirectUris).toContain(EXTENSION_REDIRECT_URI);
    expect(spa?.clientSecrets).toEqual([]);
    expect(spa?.requiredDelegatedScopes.every((scope) => !/ReadWrite|\.Write/.test(scope))).toBe(
      true,
    );
    expect(demo.apps.get(DEMO_CONFIDENTIAL_APP_ID)?.clientSecrets).toEqual([
      DEMO_CONFIDENTIAL_APP_SECRET,
    ]);
  });

  it("requests exactly the delegated scopes tenantlens asks for at admin consent", () => {
    expect([...(demo.apps.get(DEMO_SPA_APP_ID)?.requiredDelegatedScopes ?? [])].sort()).toEqual(
      [...REQUESTED_SCOPES].sort(),
    );
  });

  it("shows a Secure Score drop of at least 5 points in some tenant", () => {
    const drops = tenants().map((tenant) => {
      const [latest, , , fourDaysAgo] = [...tenant.collections.secureScores.values()];
      return (fourDaysAgo?.currentScore as number) - (latest?.currentScore as number);
    });
    expect(Math.max(...drops)).toBeGreaterThanOrEqual(5);
  });

  it("is deterministic for a seed and changes with the seed", () => {
    expect(buildScenario("demo", { seed: 1, nowMs: NOW })).toEqual(demo);
    const other = buildScenario("demo", { seed: 2, nowMs: NOW });
    const names = (built: BuiltScenario) =>
      [...(built.tenants.get(DEMO_TENANTS.contoso.id)?.collections.users.values() ?? [])].map(
        (user) => user.displayName,
      );
    expect(names(other)).not.toEqual(names(demo));
    // Tenant ids and sign-in names are fixed, so tests can name them whatever the seed.
    expect([...other.tenants.keys()].sort()).toEqual([...demo.tenants.keys()].sort());
  });
});

describe("other scenarios", () => {
  it("empty: knows the demo apps but has no tenants", () => {
    const empty = buildScenario("empty", { seed: 1 });
    expect(empty.tenants.size).toBe(0);
    expect([...empty.apps.keys()].sort()).toEqual(
      [DEMO_CONFIDENTIAL_APP_ID, DEMO_SPA_APP_ID].sort(),
    );
  });

  it("bench: builds one tenant with the requested sizes", () => {
    const bench = buildScenario("bench", {
      seed: 1,
      nowMs: NOW,
      users: 500,
      devices: 120,
      groups: 30,
      auditEvents: 900,
    });
    const [tenant] = [...bench.tenants.values()];
    expect(
      [...(tenant?.collections.users.values() ?? [])].filter((user) => user.userType === "Member"),
    ).toHaveLength(500);
    expect(tenant?.collections.devices.size).toBe(120);
    expect(tenant?.collections.directoryAudits.size).toBe(900);
  });

  it.each([
    [{ users: 100_001 }, /bench users must be a whole number from 0 to 100000/],
    [{ devices: -5 }, /bench devices/],
    [{ auditEvents: 200_001 }, /bench auditEvents/],
  ])("bench: rejects %j", (sizes, message) => {
    expect(() => buildScenario("bench", sizes)).toThrow(message);
  });

  it("recognises exactly the three scenario names (for the CLI's --scenario)", () => {
    expect(["demo", "bench", "empty"].every(isScenarioName)).toBe(true);
    expect(isScenarioName("Demo")).toBe(false);
    expect(isScenarioName("")).toBe(false);
  });

  it("rejects an unknown scenario name", () => {
    expect(() => buildScenario("nope" as "demo")).toThrow(/Unknown scenario "nope"/);
  });

  it("createCloudContext builds the demo world on the emulator clock", async () => {
    const context = await createCloudContext({ scenario: "demo", seed: 4, startMs: NOW });
    expect(context.state.tenants.size).toBe(8);
    expect(context.state.apps.has(DEMO_SPA_APP_ID)).toBe(true);
    const scores = [
      ...(context.state.tenants.get(DEMO_TENANTS.partner.id)?.collections.secureScores.values() ??
        []),
    ];
    expect(Math.abs(Date.parse(String(scores[0]?.createdDateTime)) - NOW)).toBeLessThan(86_400_000);
  });
});
