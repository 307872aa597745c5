import { partialCaveat, requireDatasets } from "../dataset-access";
import { licenceEvidence } from "../licences";
import { failIfAny, notEvaluated } from "../results";
import type { Finding } from "../types";

/** Graph's `subscribedSku.capabilityStatus` values other than "Enabled" that mean trouble. */
const TROUBLED_STATUSES = new Set(["Warning", "Suspended", "LockedOut"]);

export const licencesInWarningOrSuspended: Finding = {
  id: "licences-in-warning-or-suspended",
  title: "Subscriptions in warning, suspended or locked out",
  severity: "medium",
  whyItMatters:
    "Warning units are in the grace period after expiry or non-payment; suspended and locked-out units have already lost service or are about to have their data deleted.",
  howToFix:
    "Renew or reactivate the subscription in the Microsoft 365 admin center (Billing > Your products) or partner center, or move users to another licence before data is removed.",
  references: {},
  requires: ["licences"],
  evaluate(snapshot) {
    const data = requireDatasets(snapshot, ["licences"]);
    if (!data.ok) return notEvaluated(this.id, data.reason);
    const evidence = data.rows.licences
      .filter(
        (sku) =>
          sku.warningUnits > 0 ||
          sku.suspendedUnits > 0 ||
          sku.lockedOutUnits > 0 ||
          TROUBLED_STATUSES.has(sku.capabilityStatus),
      )
      .map((sku) =>
        licenceEvidence(
          sku,
          `Status ${sku.capabilityStatus}; warning ${sku.warningUnits}, suspended ${sku.suspendedUnits}, locked out ${sku.lockedOutUnits}`,
        ),
      );
    return failIfAny(this.id, evidence, partialCaveat(data.partial));
  },
};
