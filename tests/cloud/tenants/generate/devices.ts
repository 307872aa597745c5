import { HARDWARE, type Hardware, type Platform, type TrustType } from "../catalog/hardware";
import { DAY_MS, isoSeconds } from "../graph-ids";
import type { GraphObject } from "../model";
import type { SeededRandom } from "../random";
import type { GenerationContext, UserIndex } from "./context";
import { EMPTY, NO_EXTENSION_ATTRIBUTES, seedObject } from "./context";
import { buildManagedDevice } from "./managed-devices";
import { domainSid } from "./sids";

/** Intune's "Microsoft Intune" MDM app id, as `device.mdmAppId` carries it for enrolled devices. */
const INTUNE_MDM_APP_ID = "0000000a-0000-0000-c000-000000000000";

/**
 * Entra devices (Windows, macOS, iOS, Android; joined, registered, hybrid joined) and, when the
 * tenant has Intune, the managed-device records of the enrolled ones (`azureADDeviceId` = the
 * Entra `deviceId`).
 */
export function generateDevices(context: GenerationContext, users: UserIndex): void {
  const { spec, rng, tenant } = context;
  const owners = users.members.filter(
    (user) => user !== users.breakGlass && user !== users.syncAccount,
  );
  const hybridAllowed = spec.onPremisesSyncedShare > 0;
  const onPremSid = domainSid(rng);
  for (let i = 0; i < spec.devices; i++) {
    const platform = rng.weighted<Platform>([
      ["Windows", 55],
      ["macOS", 10],
      ["iOS", 20],
      ["Android", 15],
    ]);
    const trustType: TrustType =
      platform === "Windows"
        ? rng.weighted<TrustType>([
            ["AzureAd", 60],
            ["ServerAd", hybridAllowed ? 30 : 0],
            ["Workplace", 10],
          ])
        : "Workplace";
    const owner = owners.length > 0 ? rng.pick(owners) : users.admin;
    const managed =
      tenant.licensing.intune &&
      rng.chance(trustType === "Workplace" && platform === "Windows" ? 0.2 : 0.85);
    const device = buildDevice(context, {
      platform,
      trustType,
      owner,
      managed,
      index: i,
      onPremSid,
    });
    seedObject(tenant, "devices", device.entra);
    if (device.intune) seedObject(tenant, "managedDevices", device.intune);
  }
}

interface DevicePlan {
  platform: Platform;
  trustType: TrustType;
  owner: GraphObject;
  managed: boolean;
  index: number;
  onPremSid: string;
}

function deviceName(rng: SeededRandom, plan: DevicePlan, hardware: Hardware): string {
  switch (plan.platform) {
    case "Windows":
      return plan.trustType === "ServerAd"
        ? `WS-${String(plan.index).padStart(5, "0")}`
        : `DESKTOP-${rng.chars("ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789", 7)}`;
    case "macOS":
      return `${String(plan.owner.givenName ?? "Shared")}'s ${hardware.model.split(" (")[0]}`;
    default:
      return hardware.model.startsWith("iP")
        ? (hardware.model.split(" ")[0] ?? hardware.model)
        : hardware.model;
  }
}

function buildDevice(
  context: GenerationContext,
  plan: DevicePlan,
): { entra: GraphObject; intune: GraphObject | null } {
  const { rng, nowMs } = context;
  const hardware = rng.pick(HARDWARE[plan.platform]);
  const osVersion = rng.pick(hardware.osVersions);
  const name = deviceName(rng, plan, hardware);
  const registeredMs = rng.daysBefore(nowMs, 1, 1100);
  // Stale devices (no sign-in for more than 90 days) are a standard clean-up finding.
  const lastSeenDays = rng.weighted<number>([
    [rng.int(0, 6), 70],
    [rng.int(7, 90), 18],
    [rng.int(91, 400), 12],
  ]);
  const lastSeenMs = Math.max(registeredMs, nowMs - lastSeenDays * DAY_MS - rng.int(0, DAY_MS - 1));
  const compliant = plan.managed ? rng.chance(0.85) : null;
  const deviceId = rng.guid();
  const hybrid = plan.trustType === "ServerAd";
  const operatingSystem =
    plan.platform === "macOS" ? (plan.managed ? "MacMDM" : "macOS") : plan.platform;
  const entra: GraphObject = {
    id: rng.guid(),
    deletedDateTime: null,
    accountEnabled: lastSeenDays > 180 ? rng.chance(0.5) : true,
    alternativeSecurityIds: [
      { type: 2, identityProvider: null, key: Buffer.from(deviceId).toString("base64") },
    ],
    approximateLastSignInDateTime: isoSeconds(lastSeenMs),
    complianceExpirationDateTime: null,
    deviceCategory: null,
    deviceId,
    deviceMetadata: null,
    deviceOwnership:
      plan.trustType === "Workplace" && plan.platform !== "Windows" ? "Personal" : "Company",
    deviceVersion: 2,
    displayName: name,
    enrollmentProfileName: null,
    enrollmentType: plan.managed
      ? plan.platform === "Windows"
        ? "AzureDomainJoined"
        : "UserEnrollment"
      : null,
    extensionAttributes: NO_EXTENSION_ATTRIBUTES,
    isCompliant: compliant,
    isManaged: plan.managed,
    isRooted: plan.platform === "Android" ? false : null,
    managementType: plan.managed ? (hybrid ? "MDMCoManaged" : "MDM") : null,
    manufacturer: hardware.manufacturer,
    // devices-list.json spells these "Manufacturer"/"Model" (a doc quirk; the schema is lower-case): carry both.
    Manufacturer: hardware.manufacturer,
    mdmAppId: plan.managed ? INTUNE_MDM_APP_ID : null,
    model: hardware.model,
    Model: hardware.model,
    onPremisesLastSyncDateTime: hybrid ? isoSeconds(nowMs - rng.int(1, 40) * 60_000) : null,
    onPremisesSecurityIdentifier: hybrid ? `${plan.onPremSid}-${20000 + plan.index}` : null,
    onPremisesSyncEnabled: hybrid ? true : null,
    operatingSystem,
    operatingSystemVersion: osVersion,
    physicalIds:
      plan.trustType === "Workplace"
        ? EMPTY
        : [`[USER-GID]:${plan.owner.id}:${rng.nextUint32()}`, `[GID]:g:${rng.nextUint32()}`],
    profileType: "RegisteredDevice",
    registrationDateTime: isoSeconds(registeredMs),
    systemLabels: EMPTY,
    trustType: plan.trustType,
  };
  const intune = plan.managed
    ? buildManagedDevice(context, {
        platform: plan.platform,
        trustType: plan.trustType,
        owner: plan.owner,
        deviceId,
        name,
        hardware,
        osVersion,
        registeredMs,
        lastSeenMs,
        compliant: compliant === true,
      })
    : null;
  return { entra, intune };
}
