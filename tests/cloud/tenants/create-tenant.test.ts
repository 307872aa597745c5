import { beforeAll, describe, expect, it } from "vitest";
import { GRAPH_APP_ID } from "../identity/access-token";
import { demoAppRegistrations } from "./apps";
import { ROLE_TEMPLATES } from "./catalog/role-templates";
import { createTenant } from "./create-tenant";
import {
  DEMO_CONFIDENTIAL_APP_ID,
  DEMO_CONFIDENTIAL_APP_ROLES,
  DEMO_PASSWORD,
  DEMO_SPA_APP_ID,
  DEMO_SPA_SCOPES,
} from "./demo-constants";
import { DAY_MS } from "./graph-ids";
import { type CloudState, createClock, type EmulatedTenant, type GraphObject } from "./model";
import { InvalidTenantSpecError, type TenantSpec } from "./tenant-spec";

const NOW = Date.UTC(2026, 2, 1, 9, 0, 0);

function freshState(): CloudState {
  return { tenants: new Map(), apps: demoAppRegistrations(), clock: createClock(NOW) };
}

const RICH: TenantSpec = {
  displayName: "Contoso",
  domainPrefix: "contoso",
  seed: 11,
  nowMs: NOW,
  users: 300,
  guests: 20,
  devices: 250,
  groups: 30,
  auditEvents: 2000,
  onPremisesSyncedShare: 0.4,
  secureScoreDrop: true,
  skus: [
    { skuPartNumber: "SPE_E3", seats: 320, assigned: 290 },
    { skuPartNumber: "FLOW_FREE", seats: 10_000, assigned: 80 },
  ],
};

const values = (tenant: EmulatedTenant, collection: keyof EmulatedTenant["collections"]) => [
  ...tenant.collections[collection].values(),
];

describe("createTenant: a licensed, hybrid tenant", () => {
  let tenant: EmulatedTenant;
  beforeAll(() => {
    tenant = createTenant(freshState(), RICH);
  });

  it("creates the requested numbers of members, guests, devices and groups", () => {
    const users = values(tenant, "users");
    expect(users.filter((user) => user.userType === "Member")).toHaveLength(300);
    expect(users.filter((user) => user.userType === "Guest")).toHaveLength(20);
    expect(tenant.collections.devices.size).toBe(250);
    // Plus the two role-assignable groups a P1 tenant gets and the Intune device group.
    expect(tenant.collections.groups.size).toBe(33);
    expect(tenant.collections.directoryAudits.size).toBe(2000);
  });

  it("counts consumedUnits as the number of users holding each SKU", () => {
    const skus = values(tenant, "subscribedSkus");
    expect(skus).toHaveLength(2);
    for (const sku of skus) {
      const holders = values(tenant, "users").filter((user) =>
        (user.assignedLicenses as { skuId: string }[]).some(
          (licence) => licence.skuId === sku.skuId,
        ),
      );
      expect(sku.consumedUnits, String(sku.skuPartNumber)).toBe(holders.length);
    }
    expect(skus.find((sku) => sku.skuPartNumber === "SPE_E3")?.consumedUnits).toBe(290);
  });

  it("derives Entra ID P1 and Intune from Microsoft 365 E3's service plans", () => {
    expect(tenant.licensing).toEqual({ entraIdP1: true, entraIdP2: false, intune: true });
  });

  it("names guests name_domain#EXT#@tenant.onmicrosoft.com and keeps their real address in mail", () => {
    const guests = values(tenant, "users").filter((user) => user.userType === "Guest");
    for (const guest of guests) {
      expect(guest.userPrincipalName).toMatch(
        /^[a-z.0-9]+_[a-z.]+#EXT#@contoso\.onmicrosoft\.com$/,
      );
      expect(String(guest.userPrincipalName).startsWith(String(guest.mail).replace("@", "_"))).toBe(
        true,
      );
      expect(guest.creationType).toBe("Invitation");
    }
  });

  it("marks synchronised users with their on-premises attributes and leaves cloud users without", () => {
    const members = values(tenant, "users").filter((user) => user.userType === "Member");
    const synced = members.filter((user) => user.onPremisesSyncEnabled === true);
    expect(synced.length).toBeGreaterThan(60);
    for (const user of synced) {
      expect(user.onPremisesImmutableId).toEqual(expect.any(String));
      expect(user.onPremisesSamAccountName).toEqual(expect.any(String));
      expect(String(user.onPremisesDistinguishedName)).toMatch(/^CN=.+,DC=contoso,DC=local$/);
      expect(user.onPremisesDomainName).toBe("contoso.local");
      expect(user.onPremisesLastSyncDateTime).toEqual(expect.any(String));
    }
    for (const user of members.filter((member) => member.onPremisesSyncEnabled !== true)) {
      expect(user.onPremisesImmutableId).toBeNull();
    }
  });

  it("spreads sign-ins: recent, older than 90 days, and never", () => {
    const ages = values(tenant, "users").map((user) => {
      const last = (user.signInActivity as { lastSignInDateTime: string | null })
        .lastSignInDateTime;
      return last === null ? Number.POSITIVE_INFINITY : (NOW - Date.parse(last)) / DAY_MS;
    });
    expect(ages.some((days) => days < 30)).toBe(true);
    expect(ages.some((days) => days > 90 && Number.isFinite(days))).toBe(true);
    expect(ages.some((days) => !Number.isFinite(days))).toBe(true);
    expect(ages.every((days) => days >= 0)).toBe(true);
  });

  it("uses all three passwordPolicies values and every member has the demo password", () => {
    const policies = new Set(values(tenant, "users").map((user) => user.passwordPolicies));
    expect(policies).toEqual(new Set([null, "DisablePasswordExpiration", "DisableStrongPassword"]));
    for (const user of values(tenant, "users").filter((member) => member.userType === "Member")) {
      expect(tenant.passwords.get(user.id)).toBe(DEMO_PASSWORD);
    }
  });

  it("keeps directoryRoles members equal to the role assignments of each role template", () => {
    const assignments = values(tenant, "roleAssignments");
    for (const role of values(tenant, "directoryRoles")) {
      const expected = assignments
        .filter((assignment) => assignment.roleDefinitionId === role.roleTemplateId)
        .map((assignment) => assignment.principalId);
      expect(
        [...(tenant.directoryRoleMembers.get(role.id) ?? [])].sort(),
        String(role.displayName),
      ).toEqual(expected.sort());
    }
    const activated = new Set(values(tenant, "directoryRoles").map((role) => role.roleTemplateId));
    for (const assignment of assignments)
      expect(activated.has(assignment.roleDefinitionId)).toBe(true);
  });

  it("assigns roles to users, role-assignable groups and service principals at directory scope /", () => {
    const assignments = values(tenant, "roleAssignments");
    const kindOf = (id: string) =>
      tenant.collections.users.has(id)
        ? "user"
        : tenant.collections.groups.has(id)
          ? "group"
          : tenant.collections.servicePrincipals.has(id)
            ? "servicePrincipal"
            : "missing";
    const kinds = new Set(assignments.map((assignment) => kindOf(String(assignment.principalId))));
    expect(kinds).toEqual(new Set(["user", "group", "servicePrincipal"]));
    for (const assignment of assignments) expect(assignment.directoryScopeId).toBe("/");
    for (const assignment of assignments.filter((a) => kindOf(String(a.principalId)) === "group")) {
      expect(
        tenant.collections.groups.get(String(assignment.principalId))?.isAssignableToRole,
      ).toBe(true);
    }
    const globalAdmins = assignments.filter(
      (assignment) => assignment.roleDefinitionId === ROLE_TEMPLATES.globalAdministrator.templateId,
    );
    expect(globalAdmins.length).toBeGreaterThanOrEqual(2);
  });

  it("sets isAdmin exactly for users holding a role directly or through a role-assignable group", () => {
    const admins = new Set<string>();
    for (const assignment of values(tenant, "roleAssignments")) {
      const principal = String(assignment.principalId);
      if (tenant.collections.users.has(principal)) admins.add(principal);
      for (const member of tenant.groupMembers.get(principal) ?? []) admins.add(member);
    }
    const details = values(tenant, "userRegistrationDetails");
    expect(details).toHaveLength(tenant.collections.users.size);
    for (const row of details)
      expect(row.isAdmin, String(row.userPrincipalName)).toBe(admins.has(row.id));
  });

  it("reports registration details that agree with each user's authentication methods", () => {
    const names: Record<string, string[]> = {
      "#microsoft.graph.microsoftAuthenticatorAuthenticationMethod": ["microsoftAuthenticatorPush"],
      "#microsoft.graph.phoneAuthenticationMethod": ["mobilePhone"],
      "#microsoft.graph.fido2AuthenticationMethod": ["fido2"],
      "#microsoft.graph.softwareOathAuthenticationMethod": ["softwareOneTimePasscode"],
      "#microsoft.graph.windowsHelloForBusinessAuthenticationMethod": ["windowsHelloForBusiness"],
      "#microsoft.graph.emailAuthenticationMethod": ["email"],
      "#microsoft.graph.passwordAuthenticationMethod": [],
    };
    for (const row of values(tenant, "userRegistrationDetails")) {
      const methods = tenant.authenticationMethods.get(row.id) ?? [];
      const fromMethods = new Set(
        methods.flatMap((method) => names[String(method["@odata.type"])] ?? ["?"]),
      );
      const registered = new Set(
        (row.methodsRegistered as string[]).filter(
          (name) => name !== "microsoftAuthenticatorPasswordless",
        ),
      );
      expect(registered, String(row.userPrincipalName)).toEqual(fromMethods);
      expect(row.isMfaRegistered).toBe([...registered].some((name) => name !== "email"));
    }
  });

  it("registers the emergency-access account for nothing, and most members for MFA", () => {
    const rows = values(tenant, "userRegistrationDetails");
    const breakGlass = rows.find((row) => String(row.userPrincipalName).startsWith("breakglass@"));
    expect(breakGlass?.methodsRegistered).toEqual([]);
    const members = rows.filter((row) => row.userType === "member");
    const registered = members.filter((row) => row.isMfaRegistered).length / members.length;
    expect(registered).toBeGreaterThan(0.6);
    expect(registered).toBeLessThan(0.95);
  });

  it("links every Intune managed device to an existing Entra device through azureADDeviceId", () => {
    const deviceIds = new Set(values(tenant, "devices").map((device) => device.deviceId));
    const managed = values(tenant, "managedDevices");
    expect(managed.length).toBeGreaterThan(0);
    for (const device of managed) expect(deviceIds.has(device.azureADDeviceId)).toBe(true);
    const managedIds = new Set(managed.map((device) => device.azureADDeviceId));
    for (const device of values(tenant, "devices"))
      expect(device.isManaged).toBe(managedIds.has(device.deviceId));
  });

  it("covers Windows, macOS, iOS and Android, joined, registered and hybrid, and stale devices", () => {
    const devices = values(tenant, "devices");
    expect(new Set(devices.map((device) => device.operatingSystem))).toEqual(
      new Set(["Windows", "MacMDM", "macOS", "iOS", "Android"]),
    );
    expect(new Set(devices.map((device) => device.trustType))).toEqual(
      new Set(["AzureAd", "Workplace", "ServerAd"]),
    );
    for (const hybrid of devices.filter((device) => device.trustType === "ServerAd"))
      expect(hybrid.onPremisesSyncEnabled).toBe(true);
    expect(
      devices.some(
        (device) => NOW - Date.parse(String(device.approximateLastSignInDateTime)) > 90 * DAY_MS,
      ),
    ).toBe(true);
  });

  it("has Microsoft 365, security, mail-enabled security, distribution and dynamic groups", () => {
    const groups = values(tenant, "groups");
    const kind = (group: GraphObject) => {
      const types = group.groupTypes as string[];
      if (types.includes("DynamicMembership")) return "dynamic";
      if (types.includes("Unified")) return "microsoft365";
      if (group.mailEnabled && group.securityEnabled) return "mailEnabledSecurity";
      return group.mailEnabled ? "distribution" : "security";
    };
    expect(new Set(groups.map(kind))).toEqual(
      new Set(["dynamic", "microsoft365", "mailEnabledSecurity", "distribution", "security"]),
    );
    for (const group of groups.filter((g) => String(g.membershipRule).startsWith("(user."))) {
      const department = /"(.+)"/.exec(String(group.membershipRule))?.[1];
      for (const member of tenant.groupMembers.get(group.id) ?? [])
        expect(tenant.collections.users.get(member)?.department).toBe(department);
    }
    for (const group of groups.filter((g) => g.mailEnabled))
      expect(group.proxyAddresses).toContain(`SMTP:${String(group.mail)}`);
  });

  it("has group members that are users, guests, nested groups and devices", () => {
    const members = [...tenant.groupMembers.values()].flat();
    const users = values(tenant, "users");
    expect(members.some((id) => users.find((user) => user.id === id)?.userType === "Member")).toBe(
      true,
    );
    expect(members.some((id) => users.find((user) => user.id === id)?.userType === "Guest")).toBe(
      true,
    );
    expect(members.some((id) => tenant.collections.groups.has(id))).toBe(true);
    const deviceGroup = values(tenant, "groups").find((group) =>
      String(group.membershipRule).startsWith("(device."),
    );
    const deviceMembers = tenant.groupMembers.get(String(deviceGroup?.id)) ?? [];
    expect(deviceMembers.length).toBeGreaterThan(0);
    for (const id of deviceMembers)
      expect(tenant.collections.devices.get(id)?.operatingSystem).toBe("Windows");
    for (const id of members) {
      const known =
        tenant.collections.users.has(id) ||
        tenant.collections.groups.has(id) ||
        tenant.collections.devices.has(id);
      expect(known, id).toBe(true);
    }
  });

  it("keeps 30 days of audit events, newest first, with user- and app-initiated entries", () => {
    const audits = values(tenant, "directoryAudits");
    const times = audits.map((audit) => Date.parse(String(audit.activityDateTime)));
    for (let i = 1; i < times.length; i++)
      expect(times[i]).toBeLessThanOrEqual(times[i - 1] as number);
    expect(NOW - (times[times.length - 1] as number)).toBeLessThanOrEqual(30 * DAY_MS);
    expect(audits.some((audit) => (audit.initiatedBy as { user: unknown }).user !== null)).toBe(
      true,
    );
    expect(audits.some((audit) => (audit.initiatedBy as { app: unknown }).app !== null)).toBe(true);
    expect(audits.some((audit) => audit.result === "failure" && audit.resultReason !== "")).toBe(
      true,
    );
    expect(new Set(audits.map((audit) => audit.category))).toContain("RoleManagement");
  });

  it("keeps 90 days of Secure Score history and shows the requested drop of at least 5 points", () => {
    const scores = values(tenant, "secureScores");
    expect(scores).toHaveLength(90);
    const [latest, , , fourDaysAgo] = scores;
    expect(
      (fourDaysAgo?.currentScore as number) - (latest?.currentScore as number),
    ).toBeGreaterThanOrEqual(5);
    const profiles = new Set(
      values(tenant, "secureScoreControlProfiles").map((profile) => profile.id),
    );
    for (const control of (latest?.controlScores ?? []) as { controlName: string }[])
      expect(profiles.has(control.controlName)).toBe(true);
  });

  it("consents the registered apps by default: enterprise app plus an AllPrincipals grant to Graph", () => {
    const graph = values(tenant, "servicePrincipals").find((sp) => sp.appId === GRAPH_APP_ID);
    const app = values(tenant, "servicePrincipals").find((sp) => sp.appId === DEMO_SPA_APP_ID);
    const grant = values(tenant, "oauth2PermissionGrants").find((g) => g.clientId === app?.id);
    expect(grant).toMatchObject({
      consentType: "AllPrincipals",
      principalId: null,
      resourceId: graph?.id,
    });
    expect(String(grant?.scope).split(" ").sort()).toEqual([...DEMO_SPA_SCOPES].sort());
  });

  it("describes itself in organization with its verified domains", () => {
    const [organization] = values(tenant, "organization");
    expect(organization?.id).toBe(tenant.id);
    expect(
      ((organization?.verifiedDomains ?? []) as { name: string; isInitial: boolean }[]).map(
        (domain) => domain.name,
      ),
    ).toEqual(["contoso.onmicrosoft.com", "contoso.com"]);
    expect(organization?.onPremisesSyncEnabled).toBe(true);
  });
});

describe("createTenant: Conditional Access and Secure Score agree", () => {
  let tenant: EmulatedTenant;
  beforeAll(() => {
    tenant = createTenant(freshState(), { ...RICH, users: 80, devices: 20, auditEvents: 100 });
  });
  const policies = () => values(tenant, "conditionalAccessPolicies");
  const latestControl = (name: string) =>
    (
      (values(tenant, "secureScores")[0]?.controlScores ?? []) as {
        controlName: string;
        score: number;
      }[]
    ).find((control) => control.controlName === name);

  it("excludes the emergency-access account from every policy", () => {
    const breakGlass = values(tenant, "users").find((user) =>
      String(user.userPrincipalName).startsWith("breakglass@"),
    );
    expect(policies().length).toBeGreaterThan(0);
    for (const policy of policies()) {
      expect(
        (policy.conditions as { users: { excludeUsers: string[] } }).users.excludeUsers,
      ).toEqual([breakGlass?.id]);
    }
  });

  it("shows the admin MFA policy switched off between the daily scores before and after the drop", () => {
    const adminMfa = policies().find(
      (policy) => policy.displayName === "Require multifactor authentication for admins",
    );
    expect(adminMfa?.state).toBe("disabled");
    const modified = Date.parse(String(adminMfa?.modifiedDateTime));
    const scores = values(tenant, "secureScores");
    const scoreAt = (index: number) => Date.parse(String(scores[index]?.createdDateTime));
    const adminMfaScore = (index: number) =>
      ((scores[index]?.controlScores ?? []) as { controlName: string; score: number }[]).find(
        (control) => control.controlName === "AdminMFAV2",
      )?.score;
    const dropAt = [0, 1, 2, 3].find((index) => adminMfaScore(index) === 10);
    expect(dropAt).toBe(3);
    expect(modified).toBeGreaterThan(scoreAt(3));
    expect(modified).toBeLessThan(scoreAt(2));
    expect(latestControl("AdminMFAV2")?.score).toBe(0);
  });

  it("scores BlockLegacyAuthentication only when a blocking policy is enforced", () => {
    const policy = policies().find(
      (candidate) => candidate.displayName === "Block legacy authentication",
    );
    const score = latestControl("BlockLegacyAuthentication")?.score;
    expect(score).toBe(policy?.state === "enabled" ? 8 : 0);
  });

  it("has no Conditional Access policies where security defaults are on", () => {
    const withDefaults = createTenant(freshState(), {
      displayName: "Fab",
      domainPrefix: "fab",
      users: 10,
      skus: [{ skuPartNumber: "O365_BUSINESS_PREMIUM", seats: 10 }],
    });
    expect(withDefaults.securityDefaultsEnabled).toBe(true);
    expect(withDefaults.collections.conditionalAccessPolicies.size).toBe(0);
  });
});

describe("createTenant: time", () => {
  /** Properties that name a future moment by design (expiry and end dates). */
  const FUTURE_BY_DESIGN = new Set([
    "endDateTime",
    "managementCertificateExpirationDate",
    "complianceGracePeriodExpirationDateTime",
  ]);
  const ISO = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/;

  function futureTimestamps(value: unknown, path: string, out: string[]): void {
    if (typeof value === "string" && ISO.test(value) && Date.parse(value) > NOW)
      out.push(`${path}=${value}`);
    else if (Array.isArray(value)) {
      for (const [i, item] of value.entries()) futureTimestamps(item, `${path}[${i}]`, out);
    } else if (value !== null && typeof value === "object") {
      for (const [key, child] of Object.entries(value)) {
        if (!FUTURE_BY_DESIGN.has(key)) futureTimestamps(child, `${path}.${key}`, out);
      }
    }
  }

  it("dates nothing after the tenant's now, except expiry and end dates", () => {
    const state = freshState();
    const partner = createTenant(state, {
      ...RICH,
      users: 60,
      devices: 50,
      auditEvents: 300,
      kind: "partner",
    });
    const customer = createTenant(state, {
      displayName: "Customer",
      domainPrefix: "customer",
      nowMs: NOW,
      users: 20,
      partner: { tenantId: partner.id, delegatedAdminUserIds: [] },
    });
    const future: string[] = [];
    for (const tenant of [partner, customer]) {
      for (const [name, collection] of Object.entries(tenant.collections)) {
        for (const object of collection.values())
          futureTimestamps(object, `${name}/${object.id}`, future);
      }
      for (const [userId, methods] of tenant.authenticationMethods)
        futureTimestamps(methods, `methods/${userId}`, future);
    }
    expect(future.slice(0, 10)).toEqual([]);
  });
});

describe("createTenant: licences decide features", () => {
  it("has no Entra ID P1, no Intune, security defaults on and no dynamic groups with Business Standard", () => {
    const tenant = createTenant(freshState(), {
      displayName: "Fabrikam",
      domainPrefix: "fabrikam",
      users: 60,
      groups: 40,
      skus: [{ skuPartNumber: "O365_BUSINESS_PREMIUM", seats: 60 }],
    });
    expect(tenant.licensing).toEqual({ entraIdP1: false, entraIdP2: false, intune: false });
    expect(tenant.securityDefaultsEnabled).toBe(true);
    expect(tenant.collections.managedDevices.size).toBe(0);
    expect(values(tenant, "devices").every((device) => device.isManaged === false)).toBe(true);
    expect(
      values(tenant, "groups").some((group) =>
        (group.groupTypes as string[]).includes("DynamicMembership"),
      ),
    ).toBe(false);
    expect(values(tenant, "groups").some((group) => group.isAssignableToRole === true)).toBe(false);
  });

  it("unlocks nothing from a suspended subscription but still counts its assigned users", () => {
    const tenant = createTenant(freshState(), {
      displayName: "Tailspin",
      domainPrefix: "tailspin",
      users: 10,
      skus: [{ skuPartNumber: "SPB", seats: 10, capabilityStatus: "Suspended" }],
    });
    expect(tenant.licensing.entraIdP1).toBe(false);
    expect(tenant.licensing.intune).toBe(false);
    const [sku] = values(tenant, "subscribedSkus");
    expect(sku).toMatchObject({
      capabilityStatus: "Suspended",
      prepaidUnits: { enabled: 0, suspended: 10, warning: 0, lockedOut: 0 },
    });
    expect(sku?.consumedUnits).toBeGreaterThan(0);
  });

  it("never assigns more licences than there are members, nor to the emergency-access account", () => {
    const tenant = createTenant(freshState(), {
      displayName: "Over",
      domainPrefix: "over",
      users: 12,
      skus: [
        { skuPartNumber: "SPE_E3", seats: 500 },
        { skuPartNumber: "EMS", seats: 5, assigned: 50 },
      ],
    });
    const members = values(tenant, "users").filter((user) => user.userType === "Member");
    const skus = new Map(values(tenant, "subscribedSkus").map((sku) => [sku.skuPartNumber, sku]));
    // 12 members less the emergency-access account.
    expect(skus.get("SPE_E3")?.consumedUnits).toBe(11);
    expect(skus.get("EMS")?.consumedUnits).toBe(11);
    expect(skus.get("SPE_E3")?.prepaidUnits).toMatchObject({ enabled: 500 });
    const breakGlass = members.find((user) =>
      String(user.userPrincipalName).startsWith("breakglass@"),
    );
    expect(breakGlass?.assignedLicenses).toEqual([]);
    expect(breakGlass?.usageLocation).toBeNull();
  });

  it("reports a subscription in its grace period as Warning and still unlocks its features", () => {
    const tenant = createTenant(freshState(), {
      displayName: "Grace",
      domainPrefix: "grace",
      users: 5,
      skus: [{ skuPartNumber: "SPB", seats: 5, capabilityStatus: "Warning" }],
    });
    expect(values(tenant, "subscribedSkus")[0]).toMatchObject({
      capabilityStatus: "Warning",
      prepaidUnits: { enabled: 0, warning: 5, suspended: 0, lockedOut: 0 },
    });
    expect(tenant.licensing.entraIdP1).toBe(true);
  });

  it("gives mailboxes (mail, proxyAddresses) only to users whose licence includes Exchange", () => {
    const tenant = createTenant(freshState(), {
      displayName: "Mail",
      domainPrefix: "mail",
      users: 20,
      skus: [{ skuPartNumber: "AAD_PREMIUM", seats: 20 }],
    });
    for (const user of values(tenant, "users").filter((member) => member.userType === "Member")) {
      expect(user.mail).toBeNull();
      expect(user.proxyAddresses).toEqual([]);
    }
  });

  it("gets P2 from Microsoft 365 E5", () => {
    const tenant = createTenant(freshState(), {
      displayName: "Adatum",
      domainPrefix: "adatum",
      users: 5,
      skus: [{ skuPartNumber: "SPE_E5", seats: 5 }],
    });
    expect(tenant.licensing).toEqual({ entraIdP1: true, entraIdP2: true, intune: true });
  });
});

describe("createTenant: consent states", () => {
  const build = (state: "granted" | "notGranted" | "missingScopes" | "servicePrincipalDeleted") =>
    createTenant(freshState(), {
      displayName: "Litware",
      domainPrefix: "litware",
      users: 5,
      consent: [{ appId: DEMO_SPA_APP_ID, state, missingScopes: ["AuditLog.Read.All"] }],
    });
  const appSp = (tenant: EmulatedTenant) =>
    values(tenant, "servicePrincipals").find((sp) => sp.appId === DEMO_SPA_APP_ID);

  it("has no enterprise app and no grant when never consented", () => {
    const tenant = build("notGranted");
    expect(appSp(tenant)).toBeUndefined();
    expect(tenant.collections.oauth2PermissionGrants.size).toBe(0);
  });

  it("leaves the missing scopes out of the grant", () => {
    const tenant = build("missingScopes");
    const [grant] = values(tenant, "oauth2PermissionGrants");
    expect(grant?.clientId).toBe(appSp(tenant)?.id);
    expect(String(grant?.scope).split(" ")).not.toContain("AuditLog.Read.All");
    expect(String(grant?.scope).split(" ")).toContain("User.Read.All");
  });

  it("removes the enterprise app and its grant when it was deleted, and logs both removals", () => {
    const tenant = build("servicePrincipalDeleted");
    expect(appSp(tenant)).toBeUndefined();
    expect(tenant.collections.oauth2PermissionGrants.size).toBe(0);
    const removals = tenant.changeLog
      .filter((entry) => entry.kind === "remove")
      .map((entry) => entry.collection);
    expect(removals.sort()).toEqual(["oauth2PermissionGrants", "servicePrincipals"]);
  });

  it("assigns the confidential app's Graph app roles with its consent, and removes them with its enterprise app", () => {
    const consented = createTenant(freshState(), {
      displayName: "Scripts",
      domainPrefix: "scripts",
      users: 3,
      consent: [{ appId: DEMO_CONFIDENTIAL_APP_ID, state: "granted" }],
    });
    const sp = values(consented, "servicePrincipals").find(
      (candidate) => candidate.appId === DEMO_CONFIDENTIAL_APP_ID,
    );
    const graph = values(consented, "servicePrincipals").find(
      (candidate) => candidate.appId === GRAPH_APP_ID,
    );
    const graphRoles = new Map(
      ((graph?.appRoles ?? []) as { id: string; value: string }[]).map((role) => [
        role.id,
        role.value,
      ]),
    );
    const assignments = values(consented, "appRoleAssignments");
    expect(
      assignments.map((assignment) => graphRoles.get(String(assignment.appRoleId))).sort(),
    ).toEqual([...DEMO_CONFIDENTIAL_APP_ROLES].sort());
    for (const assignment of assignments)
      expect(assignment).toMatchObject({
        principalId: sp?.id,
        principalType: "ServicePrincipal",
        resourceId: graph?.id,
      });

    const deleted = createTenant(freshState(), {
      displayName: "Gone",
      domainPrefix: "gone",
      users: 3,
      consent: [{ appId: DEMO_CONFIDENTIAL_APP_ID, state: "servicePrincipalDeleted" }],
    });
    expect(deleted.collections.appRoleAssignments.size).toBe(0);
  });

  it("always holds the Microsoft Graph service principal", () => {
    expect(
      values(build("notGranted"), "servicePrincipals").some((sp) => sp.appId === GRAPH_APP_ID),
    ).toBe(true);
  });
});

describe("createTenant: determinism", () => {
  it("builds a deep-equal tenant from the same spec and seed", () => {
    const small = { ...RICH, users: 60, devices: 40, auditEvents: 200 };
    expect(createTenant(freshState(), small)).toEqual(createTenant(freshState(), small));
  });

  it("builds a different tenant from a different seed", () => {
    const small = { ...RICH, users: 60, devices: 40, auditEvents: 200 };
    const a = createTenant(freshState(), small);
    const b = createTenant(freshState(), { ...small, seed: 12 });
    expect(a.id).not.toBe(b.id);
    expect(values(a, "users").map((user) => user.displayName)).not.toEqual(
      values(b, "users").map((user) => user.displayName),
    );
  });
});

describe("createTenant: bad specs", () => {
  it.each([
    [{ displayName: "X", domainPrefix: "Not A Domain" }, /domainPrefix/],
    [{ displayName: "X", domainPrefix: "x", users: -1 }, /users must be a whole number/],
    [{ displayName: " ", domainPrefix: "x" }, /displayName is required/],
    [{ displayName: "X", domainPrefix: "x", id: "not-a-guid" }, /id must be a GUID/],
    [{ displayName: "X", domainPrefix: "x", customDomain: "x.onmicrosoft.com" }, /customDomain/],
    [{ displayName: "X", domainPrefix: "x", seed: 1.5 }, /seed must be an integer/],
    [{ displayName: "X", domainPrefix: "x", users: 1.5 }, /users must be a whole number/],
    [
      { displayName: "X", domainPrefix: "x", skus: [{ skuPartNumber: "NOPE", seats: 1 }] },
      /Unknown skuPartNumber "NOPE"/,
    ],
    [{ displayName: "X", domainPrefix: "x", mfaRegisteredShare: 2 }, /between 0 and 1/],
    [
      {
        displayName: "X",
        domainPrefix: "x",
        partner: { tenantId: "00000000-0000-0000-0000-000000000001", delegatedAdminUserIds: [] },
      },
      /Partner tenant .* does not exist/,
    ],
    [
      {
        displayName: "X",
        domainPrefix: "x",
        consent: [{ appId: "11111111-1111-1111-1111-111111111111", state: "granted" as const }],
      },
      /no app registration/,
    ],
  ])("rejects %j with a clear error", (spec, message) => {
    expect(() => createTenant(freshState(), spec)).toThrow(InvalidTenantSpecError);
    expect(() => createTenant(freshState(), spec)).toThrow(message);
  });

  it("rejects a second tenant with the same domain", () => {
    const state = freshState();
    createTenant(state, { displayName: "A", domainPrefix: "same", users: 2 });
    expect(() =>
      createTenant(state, { displayName: "B", domainPrefix: "same", users: 2, seed: 2 }),
    ).toThrow(/already taken/);
  });
});
