import type { Hono } from "hono";
import type { CloudContext } from "../../context";
import type { EmulatedTenant } from "../../tenants/model";
import { ORGANIZATION } from "../entity-types";
import type { GraphEnv } from "../hono-env";
import { parseQueryOptions } from "../odata/query-options";
import { projectObject } from "../odata/select";
import { contextUrl, endpoint, graphJson, tenantOf } from "./shared";

export function registerOrganizationRoutes(api: Hono<GraphEnv>, ctx: CloudContext): void {
  // organization-list.md: a collection holding the one organization of the tenant.
  api.get("/organization", endpoint(ctx, "listOrganization", "identity"), (c) => {
    const options = parseQueryOptions(
      new URL(c.req.url),
      { type: ORGANIZATION, maxTop: undefined },
      true,
    );
    const tenant = tenantOf(c);
    // The generator stores the organization; tenants built without one get it derived.
    const organization = tenant.collections.organization.get(tenant.id) ?? {
      id: tenant.id,
      ...organizationOf(tenant),
    };
    return graphJson(c, {
      "@odata.context": contextUrl(c, "organization", options.select),
      value: [projectObject(organization, ORGANIZATION, options.select)],
    });
  });
}

/**
 * The tenant as a `microsoft.graph.organization`, with every property of
 * `samples/organization-get.json`; plans come from the subscribed SKUs' service plans.
 */
export function organizationOf(tenant: EmulatedTenant): Record<string, unknown> {
  const plans = [...tenant.collections.subscribedSkus.values()].flatMap((sku) =>
    Array.isArray(sku.servicePlans) ? (sku.servicePlans as Record<string, unknown>[]) : [],
  );
  const domains = [
    tenant.initialDomain,
    ...tenant.verifiedDomains.filter((domain) => domain !== tenant.initialDomain),
  ];
  const defaultDomain =
    domains.find((domain) => domain !== tenant.initialDomain) ?? tenant.initialDomain;
  return {
    deletedDateTime: null,
    businessPhones: [],
    city: null,
    country: null,
    countryLetterCode: "US",
    createdDateTime: tenant.createdDateTime,
    defaultUsageLocation: "US",
    displayName: tenant.displayName,
    isMultipleDataLocationsForServicesEnabled: null,
    marketingNotificationEmails: [],
    onPremisesLastSyncDateTime: null,
    onPremisesSyncEnabled: null,
    partnerTenantType: tenant.kind === "partner" ? "ResellerPartnerDelegatedAdmin" : null,
    postalCode: null,
    preferredLanguage: "en",
    securityComplianceNotificationMails: [],
    securityComplianceNotificationPhones: [],
    state: null,
    street: null,
    technicalNotificationMails: [`admin@${defaultDomain}`],
    tenantType: "AAD",
    directorySizeQuota: {
      used: tenant.collections.users.size + tenant.collections.groups.size,
      total: 50000,
    },
    assignedPlans: plans.map((plan) => ({
      assignedDateTime: tenant.createdDateTime,
      capabilityStatus: "Enabled",
      service: String(plan.servicePlanName ?? ""),
      servicePlanId: String(plan.servicePlanId ?? ""),
    })),
    privacyProfile: { contactEmail: "", statementUrl: "" },
    provisionedPlans: plans.map((plan) => ({
      capabilityStatus: "Enabled",
      provisioningStatus: "Success",
      service: String(plan.servicePlanName ?? ""),
    })),
    verifiedDomains: domains.map((name) => ({
      capabilities: "Email, OfficeCommunicationsOnline",
      isDefault: name === defaultDomain,
      isInitial: name === tenant.initialDomain,
      name,
      type: "Managed",
    })),
  };
}
