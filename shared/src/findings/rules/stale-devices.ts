import { partialCaveat, requireDatasets } from "../dataset-access";
import { dayOf, daysSince } from "../dates";
import { deviceEvidence } from "../devices";
import { failed, joinReasons, notEvaluated, passed } from "../results";
import type { Finding } from "../types";

export const staleDevices: Finding = {
  id: "stale-devices",
  title: "Devices with no activity for 90 days",
  severity: "low",
  whyItMatters:
    "Stale device objects clutter reports and compliance numbers, and an enabled stale device can still be used to satisfy device-based Conditional Access if it resurfaces.",
  howToFix:
    "Disable devices inactive for 90 days, delete them after a further grace period, and configure an Intune device clean-up rule so it happens automatically.",
  references: { maester: ["MT.1053"] },
  requires: ["computers"],
  thresholds: ["staleDeviceDays"],
  evaluate(snapshot, { now, thresholds }) {
    const data = requireDatasets(snapshot, ["computers"]);
    if (!data.ok) return notEvaluated(this.id, data.reason);
    const devices = data.rows.computers.filter((device) => device.accountEnabled !== false);
    const undated = devices.filter((device) => device.lastActivity === null);
    if (devices.length > 0 && undated.length === devices.length) {
      return notEvaluated(this.id, "no device has a last activity date");
    }
    const evidence = devices.flatMap((device) => {
      if (device.lastActivity === null) return [];
      const age = daysSince(device.lastActivity, now);
      if (age === null || age < thresholds.staleDeviceDays) return [];
      return [
        deviceEvidence(device, `Last activity ${dayOf(device.lastActivity)} (${age} days ago)`),
      ];
    });
    const reason = joinReasons(
      undated.length > 0 ? `${undated.length} devices have no last activity date` : undefined,
      partialCaveat(data.partial),
    );
    return evidence.length > 0 ? failed(this.id, evidence, reason) : passed(this.id, reason);
  },
};
