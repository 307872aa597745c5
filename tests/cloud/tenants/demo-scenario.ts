import { createTenant } from "./create-tenant";
import {
  DEMO_CONFIDENTIAL_APP_ID,
  DEMO_SIGN_IN_NAMES,
  DEMO_SPA_APP_ID,
  DEMO_TENANTS,
  type DemoTenantKey,
} from "./demo-constants";
import type { CloudState, EmulatedTenant } from "./model";
import type { ConsentSpec, SkuSpec, TenantSpec } from "./tenant-spec";

/** Which partner accounts hold GDAP admin access in a customer. */
type DelegatedAdmins = "adminOnly" | "adminAndTechnician";

interface DemoCustomer {
  key: Exclude<DemoTenantKey, "partner" | "standalone">;
  displayName: string;
  users: number;
  skus: SkuSpec[];
  consent: Omit<ConsentSpec, "appId">;
  delegatedAdmins: DelegatedAdmins;
  extra?: Partial<TenantSpec>;
}

/**
 * Six customers chosen so every product path has a tenant: licences with and without Entra ID P1
 * and Intune, a suspended subscription, hybrid (synced) directories, a Secure Score drop, and the
 * four consent states (granted, never granted, granted with scopes missing, enterprise app deleted).
 */
const DEMO_CUSTOMERS: readonly DemoCustomer[] = [
  {
    key: "contoso",
    displayName: "Contoso Retail",
    users: 120,
    skus: [
      { skuPartNumber: "SPE_E3", seats: 125 },
      { skuPartNumber: "POWER_BI_PRO", seats: 20, assigned: 14 },
    ],
    consent: { state: "granted" },
    delegatedAdmins: "adminAndTechnician",
    extra: { onPremisesSyncedShare: 0.4, secureScoreDrop: true },
  },
  {
    key: "fabrikam",
    displayName: "Fabrikam Legal",
    users: 35,
    // Business Standard: no Entra ID P1, no Intune.
    skus: [{ skuPartNumber: "O365_BUSINESS_PREMIUM", seats: 40 }],
    consent: { state: "granted" },
    delegatedAdmins: "adminAndTechnician",
  },
  {
    key: "adatum",
    displayName: "Adatum Health",
    users: 600,
    skus: [
      { skuPartNumber: "SPE_E5", seats: 560, assigned: 540 },
      { skuPartNumber: "EXCHANGESTANDARD", seats: 60, assigned: 55 },
    ],
    consent: {
      state: "missingScopes",
      missingScopes: ["AuditLog.Read.All", "SecurityEvents.Read.All"],
    },
    delegatedAdmins: "adminOnly",
    extra: { onPremisesSyncedShare: 0.7, mfaRegisteredShare: 0.9 },
  },
  {
    key: "litware",
    displayName: "Litware Inc",
    users: 60,
    // Office 365 E3 plus standalone Entra ID P1: P1 but no Intune.
    skus: [
      { skuPartNumber: "ENTERPRISEPACK", seats: 60 },
      { skuPartNumber: "AAD_PREMIUM", seats: 60 },
    ],
    consent: { state: "notGranted" },
    delegatedAdmins: "adminAndTechnician",
  },
  {
    key: "tailspin",
    displayName: "Tailspin Toys",
    users: 10,
    // Business Premium lapsed (suspended): only Business Basic still works.
    skus: [
      { skuPartNumber: "SPB", seats: 10, capabilityStatus: "Suspended" },
      { skuPartNumber: "O365_BUSINESS_ESSENTIALS", seats: 12 },
    ],
    consent: { state: "granted" },
    delegatedAdmins: "adminAndTechnician",
    extra: { mfaRegisteredShare: 0.3 },
  },
  {
    key: "wingtip",
    displayName: "Wingtip Dental",
    users: 25,
    skus: [{ skuPartNumber: "SPB", seats: 25, capabilityStatus: "Warning" }],
    consent: { state: "servicePrincipalDeleted" },
    delegatedAdmins: "adminAndTechnician",
  },
];

function consentFor(state: Omit<ConsentSpec, "appId">): ConsentSpec[] {
  // The scripts app is consented wherever tenantlens is fully consented, and nowhere else.
  return [
    { appId: DEMO_SPA_APP_ID, ...state },
    {
      appId: DEMO_CONFIDENTIAL_APP_ID,
      state: state.state === "granted" ? "granted" : "notGranted",
    },
  ];
}

function userIdByUpn(tenant: EmulatedTenant, upn: string): string {
  for (const user of tenant.collections.users.values())
    if (user.userPrincipalName === upn) return user.id;
  throw new Error(`Demo user ${upn} missing from ${tenant.displayName}`);
}

/** The demo world: Northwind MSP (CSP partner), its six customers, and Proseware (standalone). */
export function buildDemoTenants(state: CloudState, seed: number, nowMs: number): void {
  const partner = createTenant(state, {
    id: DEMO_TENANTS.partner.id,
    displayName: "Northwind MSP",
    domainPrefix: DEMO_TENANTS.partner.domain,
    customDomain: "northwindmsp.com",
    kind: "partner",
    seed,
    nowMs,
    users: 40,
    skus: [{ skuPartNumber: "SPB", seats: 40 }],
    namedUsers: [
      {
        mailNickname: "technician",
        displayName: "Taylor Technician",
        roles: ["helpdeskAdministrator"],
        jobTitle: "Service Desk Technician",
      },
      {
        mailNickname: "engineer",
        displayName: "Erin Engineer",
        roles: ["globalReader"],
        jobTitle: "Cloud Engineer",
      },
    ],
    consent: consentFor({ state: "granted" }),
  });
  const partnerAdmin = userIdByUpn(partner, DEMO_SIGN_IN_NAMES.partnerAdmin);
  const partnerTechnician = userIdByUpn(partner, DEMO_SIGN_IN_NAMES.partnerTechnician);
  for (const customer of DEMO_CUSTOMERS) {
    const tenant = DEMO_TENANTS[customer.key];
    createTenant(state, {
      id: tenant.id,
      displayName: customer.displayName,
      domainPrefix: tenant.domain,
      kind: "customer",
      seed,
      nowMs,
      users: customer.users,
      skus: customer.skus,
      consent: consentFor(customer.consent),
      partner: {
        tenantId: partner.id,
        delegatedAdminUserIds:
          customer.delegatedAdmins === "adminOnly"
            ? [partnerAdmin]
            : [partnerAdmin, partnerTechnician],
      },
      ...customer.extra,
    });
  }
  createTenant(state, {
    id: DEMO_TENANTS.standalone.id,
    displayName: "Proseware",
    domainPrefix: DEMO_TENANTS.standalone.domain,
    kind: "standalone",
    seed,
    nowMs,
    users: 45,
    skus: [{ skuPartNumber: "SPB", seats: 50 }],
    consent: consentFor({ state: "granted" }),
  });
}
