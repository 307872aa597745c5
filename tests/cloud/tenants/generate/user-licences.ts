import { isoSeconds } from "../graph-ids";
import type { GenerationContext } from "./context";
import { EMPTY } from "./context";
import { type GeneratedSku, serviceOfPlan } from "./licences";

/**
 * The licence-derived properties of a user (`assignedLicenses`, `assignedPlans`,
 * `licenseAssignmentStates`, `provisionedPlans`). Users holding the same SKUs share one frozen
 * instance of each, which keeps a 100,000-user tenant to a few distinct arrays.
 */
export interface LicenceSet {
  assignedLicenses: readonly { disabledPlans: readonly string[]; skuId: string }[];
  assignedPlans: readonly object[];
  licenseAssignmentStates: readonly object[];
  provisionedPlans: readonly object[];
  /** Holds an Exchange Online plan, so the user has a mailbox (`mail`, `proxyAddresses`). */
  hasExchange: boolean;
}

export interface LicenceSets {
  /** Set index per member index (members in generation order). */
  setOfMember: Uint16Array;
  sets: LicenceSet[];
}

const NO_LICENCES: LicenceSet = Object.freeze({
  assignedLicenses: EMPTY,
  assignedPlans: EMPTY,
  licenseAssignmentStates: EMPTY,
  provisionedPlans: EMPTY,
  hasExchange: false,
});

/** Suites that carry a mailbox go to the same people first; add-ons land on a random slice. */
function isSuite(sku: GeneratedSku): boolean {
  return sku.entry.servicePlans.some(
    ([name]) => name.startsWith("EXCHANGE_S_") && name !== "EXCHANGE_S_FOUNDATION",
  );
}

/**
 * Decides who holds which SKU. `unlicensed` member indexes (the emergency-access and sync
 * accounts) never get a licence, as Microsoft recommends for them.
 */
export function assignLicences(
  context: GenerationContext,
  skus: readonly GeneratedSku[],
  memberCount: number,
  unlicensed: ReadonlySet<number>,
): LicenceSets {
  if (skus.length > 16) throw new Error("assignLicences: at most 16 SKUs per tenant");
  const { rng } = context;
  const eligible: number[] = [];
  for (let i = 0; i < memberCount; i++) if (!unlicensed.has(i)) eligible.push(i);
  // Shuffle once; each SKU takes a window of it.
  for (let i = eligible.length - 1; i > 0; i--) {
    const j = rng.int(0, i);
    const swap = eligible[i] as number;
    eligible[i] = eligible[j] as number;
    eligible[j] = swap;
  }
  const masks = new Uint32Array(memberCount);
  skus.forEach((sku, bit) => {
    const wanted = sku.spec.assigned ?? Math.min(sku.spec.seats, eligible.length);
    const holders = Math.min(wanted, eligible.length);
    const start = isSuite(sku) ? 0 : rng.int(0, Math.max(0, eligible.length - 1));
    for (let k = 0; k < holders; k++) {
      const member = eligible[(start + k) % eligible.length] as number;
      masks[member] = (masks[member] as number) | (1 << bit);
    }
  });
  const sets: LicenceSet[] = [NO_LICENCES];
  const setOfMask = new Map<number, number>([[0, 0]]);
  const setOfMember = new Uint16Array(memberCount);
  for (let i = 0; i < memberCount; i++) {
    const mask = masks[i] as number;
    let setIndex = setOfMask.get(mask);
    if (setIndex === undefined) {
      setIndex = sets.length;
      sets.push(buildLicenceSet(skus.filter((_, bit) => (mask & (1 << bit)) !== 0)));
      setOfMask.set(mask, setIndex);
    }
    setOfMember[i] = setIndex;
  }
  return { setOfMember, sets };
}

export function licenceSetFor(licences: LicenceSets, memberIndex: number): LicenceSet {
  return licences.sets[licences.setOfMember[memberIndex] ?? 0] ?? NO_LICENCES;
}

function buildLicenceSet(held: readonly GeneratedSku[]): LicenceSet {
  const assignedPlans: object[] = [];
  const services = new Set<string>();
  for (const sku of held) {
    const suspended = sku.object.capabilityStatus === "Suspended";
    for (const [name, servicePlanId] of sku.entry.servicePlans) {
      const service = serviceOfPlan(name);
      assignedPlans.push(
        Object.freeze({
          assignedDateTime: isoSeconds(sku.purchasedMs),
          capabilityStatus: suspended ? "Suspended" : "Enabled",
          service,
          servicePlanId,
        }),
      );
      if (
        service === "exchange" ||
        service === "SharePoint" ||
        service === "MicrosoftCommunicationsOnline"
      )
        services.add(service);
    }
  }
  return Object.freeze({
    assignedLicenses: Object.freeze(
      held.map((sku) => Object.freeze({ disabledPlans: EMPTY, skuId: sku.entry.skuId })),
    ),
    assignedPlans: Object.freeze(assignedPlans),
    licenseAssignmentStates: Object.freeze(
      held.map((sku) =>
        Object.freeze({
          assignedByGroup: null,
          disabledPlans: EMPTY,
          error: "None",
          lastUpdatedDateTime: isoSeconds(sku.purchasedMs),
          skuId: sku.entry.skuId,
          state: "Active",
        }),
      ),
    ),
    provisionedPlans: Object.freeze(
      [...services].map((service) =>
        Object.freeze({ capabilityStatus: "Enabled", provisioningStatus: "Success", service }),
      ),
    ),
    hasExchange: held.some(isSuite),
  });
}
