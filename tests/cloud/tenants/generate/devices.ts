import { DAY_MS, isoSeconds } from "../graph-ids";
import type { GraphObject } from "../model";
import type { SeededRandom } from "../random";
import type { GenerationContext, UserIndex } from "./context";
import { EMPTY, seedObject } from "./context";
import { domainSid } from "./sids";

type Platform = "Windows" | "macOS" | "iOS" | "Android";
type TrustType = "AzureAd" | "Workplace" | "ServerAd";

interface Hardware {
  manufacturer: string;
  model: string;
  osVersions: readonly string[];
}

const HARDWARE: Record<Platform, readonly Hardware[]> = {
  Windows: [
    {
      manufacturer: "Microsoft Corporation",
      model: "Surface Laptop 5",
      osVersions: ["10.0.22631.3296", "10.0.22631.4037", "10.0.26100.2314"],
    },
    {
      manufacturer: "Dell Inc.",
      model: "Latitude 7440",
      osVersions: ["10.0.22621.3155", "10.0.22631.3296", "10.0.19045.4170"],
    },
    {
      manufacturer: "LENOVO",
      model: "ThinkPad X1 Carbon Gen 11",
      osVersions: ["10.0.22631.4037", "10.0.19045.3803"],
    },
    {
      manufacturer: "HP",
      model: "EliteBook 840 G9",
      osVersions: ["10.0.19045.4170", "10.0.19044.2965"],
    },
  ],
  macOS: [
    {
      manufacturer: "Apple",
      model: "MacBook Pro (14-inch, 2023)",
      osVersions: ["14.4.1", "14.6.1", "15.1"],
    },
    { manufacturer: "Apple", model: "MacBook Air (M2, 2022)", osVersions: ["13.6.4", "14.4.1"] },
  ],
  iOS: [
    { manufacturer: "Apple", model: "iPhone 15", osVersions: ["17.4.1", "17.6.1", "18.1"] },
    { manufacturer: "Apple", model: "iPhone 13", osVersions: ["16.7.8", "17.4.1"] },
    { manufacturer: "Apple", model: "iPad Air (5th generation)", osVersions: ["17.5.1"] },
  ],
  Android: [
    { manufacturer: "samsung", model: "SM-S911B", osVersions: ["14", "13"] },
    { manufacturer: "Google", model: "Pixel 8", osVersions: ["14", "15"] },
  ],
};

/** Intune reports a health-attestation object for Windows; one shared frozen instance. */
const WINDOWS_HEALTH = Object.freeze({
  "@odata.type": "microsoft.graph.deviceHealthAttestationState",
  lastUpdateDateTime: null,
  contentNamespaceUrl: null,
  deviceHealthAttestationStatus: "notApplicable",
  contentVersion: null,
  issuedDateTime: "0001-01-01T00:00:00Z",
  attestationIdentityKey: null,
  resetCount: 0,
  restartCount: 0,
  dataExcutionPolicy: null,
  bitLockerStatus: null,
  bootManagerVersion: null,
  codeIntegrityCheckVersion: null,
  secureBoot: null,
  bootDebugging: null,
  operatingSystemKernelDebugging: null,
  codeIntegrity: null,
  testSigning: null,
  safeMode: null,
  windowsPE: null,
  earlyLaunchAntiMalwareDriverProtection: null,
  virtualSecureMode: null,
  pcrHashAlgorithm: null,
  bootAppSecurityVersion: null,
  bootManagerSecurityVersion: null,
  tpmVersion: null,
  pcr0: null,
  secureBootConfigurationPolicyFingerPrint: null,
  codeIntegrityPolicy: null,
  bootRevisionListInfo: null,
  operatingSystemRevListInfo: null,
  healthStatusMismatchInfo: null,
  healthAttestationSupportedStatus: null,
});

/** Co-managed (Configuration Manager + Intune) hybrid devices report which workloads Intune has. */
const CO_MANAGED_FEATURES = Object.freeze({
  "@odata.type": "microsoft.graph.configurationManagerClientEnabledFeatures",
  inventory: true,
  modernApps: false,
  resourceAccess: false,
  deviceConfiguration: false,
  compliancePolicy: true,
  windowsUpdateForBusiness: false,
});

const NO_EXTENSION_ATTRIBUTES = Object.freeze(
  Object.fromEntries(Array.from({ length: 15 }, (_, i) => [`extensionAttribute${i + 1}`, null])),
);

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
    ? buildManagedDevice(context, plan, {
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

interface ManagedFacts {
  deviceId: string;
  name: string;
  hardware: Hardware;
  osVersion: string;
  registeredMs: number;
  lastSeenMs: number;
  compliant: boolean;
}

/** Every v1.0 `managedDevice` property (managed-devices-list.json shape). */
function buildManagedDevice(
  context: GenerationContext,
  plan: DevicePlan,
  facts: ManagedFacts,
): GraphObject {
  const { rng } = context;
  const owner = plan.owner;
  const mobile = plan.platform === "iOS" || plan.platform === "Android";
  const hybrid = plan.trustType === "ServerAd";
  const enrolledMs = facts.registeredMs + rng.int(0, 3) * 3_600_000;
  const complianceState = facts.compliant
    ? "compliant"
    : rng.weighted<string>([
        ["noncompliant", 70],
        ["inGracePeriod", 20],
        ["unknown", 10],
      ]);
  const enrollmentType =
    plan.platform === "Windows"
      ? hybrid
        ? "windowsCoManagement"
        : "windowsAzureADJoin"
      : plan.platform === "iOS"
        ? "appleUserEnrollment"
        : plan.platform === "Android"
          ? "androidEnterpriseWorkProfile"
          : "userEnrollment";
  const hex = (length: number) => rng.chars("0123456789ABCDEF", length);
  return {
    "@odata.type": "#microsoft.graph.managedDevice",
    id: rng.guid(),
    userId: owner.id,
    deviceName: facts.name,
    managedDeviceOwnerType: plan.trustType === "Workplace" && mobile ? "personal" : "company",
    deviceActionResults: EMPTY,
    enrolledDateTime: isoSeconds(enrolledMs),
    lastSyncDateTime: isoSeconds(facts.lastSeenMs),
    operatingSystem: plan.platform,
    complianceState,
    jailBroken: mobile ? "False" : "Unknown",
    managementAgent: hybrid ? "configurationManagerClientMdm" : "mdm",
    osVersion: facts.osVersion,
    easActivated: mobile,
    easDeviceId: mobile ? hex(32) : null,
    easActivationDateTime: mobile ? isoSeconds(enrolledMs) : "0001-01-01T00:00:00Z",
    azureADRegistered: true,
    deviceEnrollmentType: enrollmentType,
    activationLockBypassCode: null,
    emailAddress: owner.mail ?? null,
    azureADDeviceId: facts.deviceId,
    deviceRegistrationState: "registered",
    deviceCategoryDisplayName: "Unknown Category",
    isSupervised: plan.platform === "iOS" && plan.trustType !== "Workplace",
    exchangeLastSuccessfulSyncDateTime: mobile
      ? isoSeconds(facts.lastSeenMs)
      : "0001-01-01T00:00:00Z",
    exchangeAccessState: mobile ? "allowed" : "none",
    exchangeAccessStateReason: mobile ? "compliant" : "none",
    remoteAssistanceSessionUrl: null,
    remoteAssistanceSessionErrorDetails: null,
    isEncrypted: rng.chance(0.9),
    userPrincipalName: owner.userPrincipalName,
    model: facts.hardware.model,
    manufacturer: facts.hardware.manufacturer,
    imei: mobile ? String(rng.int(100000, 999999)) + String(rng.int(100000000, 999999999)) : null,
    complianceGracePeriodExpirationDateTime: "9999-12-31T23:59:59Z",
    serialNumber: hex(10),
    phoneNumber: null,
    androidSecurityPatchLevel: plan.platform === "Android" ? "2024-09-01" : null,
    userDisplayName: owner.displayName,
    configurationManagerClientEnabledFeatures: hybrid ? CO_MANAGED_FEATURES : null,
    wiFiMacAddress: hex(12),
    deviceHealthAttestationState: plan.platform === "Windows" ? WINDOWS_HEALTH : null,
    subscriberCarrier: mobile ? rng.pick(["Verizon", "T-Mobile", "Vodafone"]) : null,
    meid: null,
    totalStorageSpaceInBytes: rng.pick([128, 256, 512]) * 1_073_741_824,
    freeStorageSpaceInBytes: rng.int(10, 100) * 1_073_741_824,
    managedDeviceName: `${String(owner.mailNickname)}_${plan.platform}_${new Date(enrolledMs).toISOString().slice(0, 10)}`,
    partnerReportedThreatState: "unknown",
    requireUserEnrollmentApproval: plan.platform === "iOS" ? false : null,
    managementCertificateExpirationDate: isoSeconds(enrolledMs + 365 * DAY_MS),
    iccid: null,
    udid: plan.platform === "iOS" || plan.platform === "macOS" ? hex(40) : null,
    notes: null,
    ethernetMacAddress: null,
    physicalMemoryInBytes: 0,
  };
}
