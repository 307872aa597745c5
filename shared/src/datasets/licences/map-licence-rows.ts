import {
  type GraphSubscribedSku,
  graphSubscribedSkuSchema,
  parseGraphObject,
} from "../../graph-types";
import { type LicenceNameLookup, licenceNames } from "../../licensing/licence-names";
import type { LicenceRow } from "../licences";

/** The `$select` the licences collector sends (`subscribedSkus` supports only `$select`). */
export const SUBSCRIBED_SKU_SELECT = [
  "id",
  "skuId",
  "skuPartNumber",
  "capabilityStatus",
  "appliesTo",
  "consumedUnits",
  "prepaidUnits",
] as const;

export interface LicencesInput {
  subscribedSkus: readonly GraphSubscribedSku[];
  /** Friendly names; defaults to the table generated from Microsoft's licensing CSV. */
  names?: LicenceNameLookup;
}

export function mapLicenceRows(input: LicencesInput): LicenceRow[] {
  const names = input.names ?? licenceNames();
  return input.subscribedSkus.map((raw) => {
    const sku = parseGraphObject(graphSubscribedSkuSchema, "subscribedSku", raw);
    const { enabled, warning, suspended, lockedOut } = sku.prepaidUnits;
    return {
      id: sku.id,
      skuId: sku.skuId,
      friendlyName: names.friendlyName(sku),
      skuPartNumber: sku.skuPartNumber,
      // prepaidUnits.enabled is what the admin center calls "active" (purchased and usable).
      activeUnits: enabled,
      consumedUnits: sku.consumedUnits,
      warningUnits: warning,
      suspendedUnits: suspended,
      // `lockedOut` was added to licenseUnitsDetail later; payloads without it predate any lock-out.
      lockedOutUnits: lockedOut ?? 0,
      unusedUnits: enabled - sku.consumedUnits,
      capabilityStatus: sku.capabilityStatus,
      appliesTo: sku.appliesTo ?? null,
    };
  });
}
