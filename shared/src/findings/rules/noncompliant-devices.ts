import { requireDatasets } from "../dataset-access";
import { describeDevice, deviceEvidence } from "../devices";
import { failIfAny, notEvaluated } from "../results";
import type { Finding } from "../types";

export const noncompliantDevices: Finding = {
  id: "noncompliant-devices",
  title: "Intune-managed devices that are not compliant",
  severity: "medium",
  whyItMatters:
    "A managed device failing its compliance policy is missing something the customer decided was required (encryption, OS version, antivirus), and is blocked or soon blocked by Conditional Access.",
  howToFix:
    "Open the device in Intune, read which compliance setting fails, and remediate it with the owner; retire devices that are no longer in use.",
  references: {},
  requires: ["computers"],
  evaluate(snapshot) {
    const data = requireDatasets(snapshot, ["computers"]);
    if (!data.ok) return notEvaluated(this.id, data.reason);
    const managed = data.rows.computers.filter((device) => device.intuneManaged);
    if (managed.length === 0 && data.partial.length > 0) {
      return notEvaluated(this.id, "computers dataset partial: Intune data may be missing");
    }
    const evidence = managed
      .filter((device) => device.compliant === false)
      .map((device) => deviceEvidence(device, `Not compliant; ${describeDevice(device)}`));
    return failIfAny(
      this.id,
      evidence,
      data.partial.length > 0 ? "computed from partial data (computers)" : undefined,
    );
  },
};
