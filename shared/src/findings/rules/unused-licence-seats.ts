import { partialCaveat, requireDatasets } from "../dataset-access";
import { licenceEvidence, seatSummary } from "../licences";
import { failIfAny, notEvaluated } from "../results";
import type { Finding } from "../types";

export const unusedLicenceSeats: Finding = {
  id: "unused-licence-seats",
  title: "Unused licence seats",
  severity: "low",
  whyItMatters:
    "Seats bought and not assigned are money spent for nothing; on annual commitments the number can only be lowered at renewal, so it is worth knowing early.",
  howToFix:
    "Assign the seats to users who need them or reduce the subscription quantity (at renewal for annual terms) in the Microsoft 365 admin center or partner center.",
  references: {},
  requires: ["licences"],
  thresholds: ["unusedSeatRatio", "unusedSeatCount", "freeSkuActiveUnitsFloor"],
  evaluate(snapshot, { thresholds }) {
    const data = requireDatasets(snapshot, ["licences"]);
    if (!data.ok) return notEvaluated(this.id, data.reason);
    const evidence = data.rows.licences
      .filter((sku) => sku.activeUnits > 0 && sku.activeUnits < thresholds.freeSkuActiveUnitsFloor)
      .filter((sku) => {
        const unused = sku.activeUnits - sku.consumedUnits;
        return (
          unused > thresholds.unusedSeatCount ||
          (unused > 0 && unused / sku.activeUnits > thresholds.unusedSeatRatio)
        );
      })
      .map((sku) =>
        licenceEvidence(sku, `${sku.activeUnits - sku.consumedUnits} unused (${seatSummary(sku)})`),
      );
    return failIfAny(this.id, evidence, partialCaveat(data.partial));
  },
};
