import { partialCaveat, requireDatasets } from "../dataset-access";
import { licenceEvidence, seatSummary } from "../licences";
import { failIfAny, notEvaluated } from "../results";
import type { Finding } from "../types";

export const overConsumedLicences: Finding = {
  id: "over-consumed-licences",
  title: "Licences assigned beyond the seats owned",
  severity: "medium",
  whyItMatters:
    "More consumed than active units means assignments ride on seats that have expired or been reduced: Microsoft will stop the service for the excess users once the grace period ends.",
  howToFix:
    "Buy the missing seats or remove the licence from users who no longer need it; check for a subscription that recently expired or dropped in quantity.",
  references: {},
  requires: ["licences"],
  evaluate(snapshot) {
    const data = requireDatasets(snapshot, ["licences"]);
    if (!data.ok) return notEvaluated(this.id, data.reason);
    const evidence = data.rows.licences
      .filter((sku) => sku.consumedUnits > sku.activeUnits)
      .map((sku) =>
        licenceEvidence(sku, `${sku.consumedUnits - sku.activeUnits} over (${seatSummary(sku)})`),
      );
    return failIfAny(this.id, evidence, partialCaveat(data.partial));
  },
};
