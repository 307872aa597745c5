import { OFFICES } from "../catalog/people";
import { isoSeconds } from "../graph-ids";
import type { GraphObject } from "../model";
import type { GenerationContext } from "./context";
import { EMPTY, seedObject } from "./context";
import { type GeneratedSku, serviceOfPlan } from "./licences";

/** The tenant's `organization` object (organization-get.json shape), id = tenant id. */
export function generateOrganization(
  context: GenerationContext,
  skus: readonly GeneratedSku[],
  objectCount: number,
  synced: boolean,
): GraphObject {
  const { tenant, rng, nowMs } = context;
  const office = rng.pick(OFFICES);
  const assignedPlans: object[] = [];
  const services = new Set<string>();
  for (const sku of skus) {
    const status = sku.object.capabilityStatus === "Suspended" ? "Suspended" : "Enabled";
    for (const [name, servicePlanId] of sku.entry.servicePlans) {
      const service = serviceOfPlan(name);
      services.add(service);
      assignedPlans.push({
        assignedDateTime: isoSeconds(sku.purchasedMs),
        capabilityStatus: status,
        service,
        servicePlanId,
      });
    }
  }
  const verifiedDomains = tenant.verifiedDomains.map((name) => ({
    capabilities: "Email, OfficeCommunicationsOnline",
    isDefault: name === context.mailDomain,
    isInitial: name === tenant.initialDomain,
    name,
    type: "Managed",
  }));
  const organization: GraphObject = {
    id: tenant.id,
    deletedDateTime: null,
    businessPhones: [`${office.phonePrefix}0100`],
    city: office.city,
    country: office.country,
    countryLetterCode: office.usageLocation,
    createdDateTime: tenant.createdDateTime,
    defaultUsageLocation: office.usageLocation,
    displayName: tenant.displayName,
    isMultipleDataLocationsForServicesEnabled: null,
    marketingNotificationEmails: EMPTY,
    onPremisesLastSyncDateTime: synced ? isoSeconds(nowMs - rng.int(1, 30) * 60_000) : null,
    onPremisesSyncEnabled: synced ? true : null,
    partnerTenantType: tenant.kind === "partner" ? "ResellerPartnerDelegatedAdmin" : null,
    postalCode: null,
    preferredLanguage: office.preferredLanguage.slice(0, 2),
    securityComplianceNotificationMails: EMPTY,
    securityComplianceNotificationPhones: EMPTY,
    state: office.state,
    street: null,
    technicalNotificationMails: [`admin@${tenant.initialDomain}`],
    tenantType: "AAD",
    directorySizeQuota: { used: objectCount, total: objectCount > 50_000 ? 300_000 : 50_000 },
    assignedPlans,
    privacyProfile: { contactEmail: "", statementUrl: "" },
    provisionedPlans: [...services].map((service) => ({
      capabilityStatus: "Enabled",
      provisioningStatus: "Success",
      service,
    })),
    verifiedDomains,
  };
  seedObject(tenant, "organization", organization);
  return organization;
}
