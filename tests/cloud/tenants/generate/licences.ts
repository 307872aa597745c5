import { SKU_CATALOG, type SkuCatalogEntry } from "../catalog/skus";
import type { GraphObject, TenantLicensing } from "../model";
import { InvalidTenantSpecError, type SkuSpec } from "../tenant-spec";
import type { GenerationContext } from "./context";
import { seedObject } from "./context";

/** Service plans that unlock what the emulator gates on. */
const PLAN_ENTRA_ID_P1 = "41781fb2-bc02-4b7c-bd55-b576c07bb09d"; // AAD_PREMIUM
const PLAN_ENTRA_ID_P2 = "eec0eb4f-6444-4f95-aba0-50c24d67f998"; // AAD_PREMIUM_P2
const PLAN_INTUNE = "c1ec4a95-1f05-45b3-a911-aa3fa01094f5"; // INTUNE_A

export function findSku(skuPartNumber: string): SkuCatalogEntry {
  const entry = SKU_CATALOG.find((sku) => sku.skuPartNumber === skuPartNumber);
  if (!entry) {
    const known = SKU_CATALOG.map((sku) => sku.skuPartNumber).join(", ");
    throw new InvalidTenantSpecError(`Unknown skuPartNumber "${skuPartNumber}"; known: ${known}`);
  }
  return entry;
}

/**
 * Graph's `service` names for a service plan (what `assignedPlans[].service` shows). Microsoft's
 * CSV does not carry them, so they come from the plan-name prefix; unknown plans keep their name.
 */
export function serviceOfPlan(servicePlanName: string): string {
  const prefixes: readonly (readonly [string, string])[] = [
    ["EXCHANGE", "exchange"],
    ["SHAREPOINT", "SharePoint"],
    ["ONEDRIVE", "SharePoint"],
    ["MCO", "MicrosoftCommunicationsOnline"],
    ["TEAMS", "TeamspaceAPI"],
    ["OFFICESUBSCRIPTION", "MicrosoftOffice"],
    ["AAD_PREMIUM", "AADPremiumService"],
    ["MFA_PREMIUM", "MultiFactorService"],
    ["INTUNE", "SCO"],
    ["ADALLOM", "Adallom"],
    ["RMS_S", "RMSOnline"],
    ["YAMMER", "YammerEnterprise"],
    ["FLOW", "ProcessSimple"],
    ["POWERAPPS", "PowerAppsService"],
    ["BI_AZURE", "Netbreeze"],
    ["SWAY", "Sway"],
    ["FORMS", "OfficeForms"],
    ["PROJECTWORKMANAGEMENT", "ProjectWorkManagement"],
    ["WINDEFATP", "WindowsDefenderATP"],
    ["ATP_", "Adallom"],
  ];
  for (const [prefix, service] of prefixes) if (servicePlanName.startsWith(prefix)) return service;
  return servicePlanName;
}

export interface GeneratedSku {
  spec: SkuSpec;
  entry: SkuCatalogEntry;
  object: GraphObject;
  /** When the subscription started: licences assigned from it carry this date. */
  purchasedMs: number;
}

/** Builds `subscribedSkus` (consumedUnits filled in once users hold licences) and the licensing flags. */
export function generateSubscribedSkus(context: GenerationContext): {
  skus: GeneratedSku[];
  licensing: TenantLicensing;
} {
  const { tenant, rng, nowMs, spec } = context;
  const seen = new Set<string>();
  const skus: GeneratedSku[] = [];
  const accountId = rng.guid();
  for (const skuSpec of spec.skus) {
    const entry = findSku(skuSpec.skuPartNumber);
    if (seen.has(entry.skuId))
      throw new InvalidTenantSpecError(`SKU ${entry.skuPartNumber} listed twice`);
    seen.add(entry.skuId);
    if (!Number.isInteger(skuSpec.seats) || skuSpec.seats < 0) {
      throw new InvalidTenantSpecError(
        `seats for ${entry.skuPartNumber} must be a whole number ≥ 0`,
      );
    }
    const status = skuSpec.capabilityStatus ?? "Enabled";
    const purchasedMs = rng.daysBefore(nowMs, 60, 1400);
    const object: GraphObject = {
      id: `${tenant.id}_${entry.skuId}`,
      accountName: tenant.displayName,
      accountId,
      appliesTo: "User",
      capabilityStatus: status,
      consumedUnits: 0,
      prepaidUnits: {
        enabled: status === "Enabled" ? skuSpec.seats : 0,
        lockedOut: 0,
        suspended: status === "Suspended" ? skuSpec.seats : 0,
        warning: status === "Warning" ? skuSpec.seats : 0,
      },
      servicePlans: entry.servicePlans.map(([servicePlanName, servicePlanId]) => ({
        servicePlanId,
        servicePlanName,
        provisioningStatus: status === "Suspended" ? "Disabled" : "Success",
        appliesTo: servicePlanName === "EXCHANGE_S_FOUNDATION" ? "Company" : "User",
      })),
      skuId: entry.skuId,
      skuPartNumber: entry.skuPartNumber,
      subscriptionIds: [rng.guid()],
    };
    skus.push({ spec: skuSpec, entry, object, purchasedMs });
  }
  return { skus, licensing: licensingOf(skus) };
}

/** A suspended subscription unlocks nothing; Enabled and Warning (grace period) still do. */
function licensingOf(skus: readonly GeneratedSku[]): TenantLicensing {
  const plans = new Set<string>();
  for (const sku of skus) {
    if ((sku.spec.capabilityStatus ?? "Enabled") === "Suspended") continue;
    for (const [, planId] of sku.entry.servicePlans) plans.add(planId);
  }
  const entraIdP2 = plans.has(PLAN_ENTRA_ID_P2);
  return {
    entraIdP1: entraIdP2 || plans.has(PLAN_ENTRA_ID_P1),
    entraIdP2,
    intune: plans.has(PLAN_INTUNE),
  };
}

/** Writes the SKUs with `consumedUnits` = how many users hold each, as Graph counts them. */
export function storeSubscribedSkus(
  context: GenerationContext,
  skus: readonly GeneratedSku[],
  users: readonly GraphObject[],
): void {
  const consumed = new Map<string, number>();
  for (const user of users) {
    for (const licence of user.assignedLicenses as { skuId: string }[]) {
      consumed.set(licence.skuId, (consumed.get(licence.skuId) ?? 0) + 1);
    }
  }
  for (const sku of skus) {
    sku.object.consumedUnits = consumed.get(sku.entry.skuId) ?? 0;
    seedObject(context.tenant, "subscribedSkus", sku.object);
  }
}
