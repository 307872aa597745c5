import { requireDatasets } from "../dataset-access";
import { describeDevice, deviceEvidence } from "../devices";
import { failIfAny, notEvaluated } from "../results";
import type { Finding } from "../types";

export const unmanagedDevices: Finding = {
  id: "unmanaged-devices",
  title: "Windows and macOS devices not managed by Intune",
  severity: "medium",
  whyItMatters:
    "A company computer outside Intune has no enforced encryption, updates or compliance state, so device-based Conditional Access cannot vouch for it.",
  howToFix:
    "Enrol Entra joined and hybrid joined computers in Intune (automatic enrolment or co-management); review personal devices and decide whether they should be allowed at all.",
  references: {},
  requires: ["computers"],
  evaluate(snapshot) {
    const data = requireDatasets(snapshot, ["computers"]);
    if (!data.ok) return notEvaluated(this.id, data.reason);
    // A partial computers dataset usually means Intune answered "Request not applicable to target
    // tenant." (no Intune licence): every device would look unmanaged, which says nothing.
    if (data.partial.length > 0) {
      const status = snapshot.datasets.computers?.status;
      const code = status?.reasonCode ? ` (${status.reasonCode})` : "";
      return notEvaluated(this.id, `computers dataset partial${code}: Intune data may be missing`);
    }
    // Phones and tablets registered by their owners (Entra registered) are often personal; the
    // finding covers computers an organisation is expected to manage.
    const evidence = data.rows.computers
      .filter(
        (device) =>
          !device.intuneManaged &&
          device.accountEnabled !== false &&
          device.joinType !== "Entra registered" &&
          /windows|mac/i.test(device.os ?? ""),
      )
      .map((device) => deviceEvidence(device, `Not Intune managed; ${describeDevice(device)}`));
    return failIfAny(this.id, evidence);
  },
};
