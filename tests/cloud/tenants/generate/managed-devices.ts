import type { Hardware, Platform, TrustType } from "../catalog/hardware";
import { DAY_MS, isoSeconds } from "../graph-ids";
import type { GraphObject } from "../model";
import type { GenerationContext } from "./context";
import { EMPTY } from "./context";

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

/** What the Entra side already decided about an enrolled device. */
export interface ManagedFacts {
  platform: Platform;
  trustType: TrustType;
  /** Primary user. */
  owner: GraphObject;
  deviceId: string;
  name: string;
  hardware: Hardware;
  osVersion: string;
  registeredMs: number;
  lastSeenMs: number;
  compliant: boolean;
}

/** Every v1.0 `managedDevice` property (managed-devices-list.json shape). */
export function buildManagedDevice(context: GenerationContext, facts: ManagedFacts): GraphObject {
  const { rng } = context;
  const owner = facts.owner;
  const mobile = facts.platform === "iOS" || facts.platform === "Android";
  const hybrid = facts.trustType === "ServerAd";
  const enrolledMs = facts.registeredMs + rng.int(0, 3) * 3_600_000;
  const complianceState = facts.compliant
    ? "compliant"
    : rng.weighted<string>([
        ["noncompliant", 70],
        ["inGracePeriod", 20],
        ["unknown", 10],
      ]);
  const enrollmentType =
    facts.platform === "Windows"
      ? hybrid
        ? "windowsCoManagement"
        : "windowsAzureADJoin"
      : facts.platform === "iOS"
        ? "appleUserEnrollment"
        : facts.platform === "Android"
          ? "androidEnterpriseWorkProfile"
          : "userEnrollment";
  const hex = (length: number) => rng.chars("0123456789ABCDEF", length);
  return {
    "@odata.type": "#microsoft.graph.managedDevice",
    id: rng.guid(),
    userId: owner.id,
    deviceName: facts.name,
    managedDeviceOwnerType: facts.trustType === "Workplace" && mobile ? "personal" : "company",
    deviceActionResults: EMPTY,
    enrolledDateTime: isoSeconds(enrolledMs),
    lastSyncDateTime: isoSeconds(facts.lastSeenMs),
    operatingSystem: facts.platform,
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
    isSupervised: facts.platform === "iOS" && facts.trustType !== "Workplace",
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
    androidSecurityPatchLevel: facts.platform === "Android" ? "2024-09-01" : null,
    userDisplayName: owner.displayName,
    configurationManagerClientEnabledFeatures: hybrid ? CO_MANAGED_FEATURES : null,
    wiFiMacAddress: hex(12),
    deviceHealthAttestationState: facts.platform === "Windows" ? WINDOWS_HEALTH : null,
    subscriberCarrier: mobile ? rng.pick(["Verizon", "T-Mobile", "Vodafone"]) : null,
    meid: null,
    totalStorageSpaceInBytes: rng.pick([128, 256, 512]) * 1_073_741_824,
    freeStorageSpaceInBytes: rng.int(10, 100) * 1_073_741_824,
    managedDeviceName: `${String(owner.mailNickname)}_${facts.platform}_${new Date(enrolledMs).toISOString().slice(0, 10)}`,
    partnerReportedThreatState: "unknown",
    requireUserEnrollmentApproval: facts.platform === "iOS" ? false : null,
    managementCertificateExpirationDate: isoSeconds(enrolledMs + 365 * DAY_MS),
    iccid: null,
    udid: facts.platform === "iOS" || facts.platform === "macOS" ? hex(40) : null,
    notes: null,
    ethernetMacAddress: null,
    physicalMemoryInBytes: 0,
  };
}
