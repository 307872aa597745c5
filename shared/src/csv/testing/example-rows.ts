import type { RowOf } from "../../datasets";

/** One realistic row per dataset, for example-based CSV tests. */

export const exampleUser: RowOf<"users"> = {
  id: "6ea91a8d-e32e-41a1-b7bd-d2d185eed0e0",
  userPrincipalName: "adele@contoso.com",
  displayName: "Adele Vance",
  mail: "adele@contoso.com",
  assignedRoles: ["Global Administrator", "Exchange Administrator"],
  mfa: {
    state: "unknown",
    source: "none",
    methods: [],
    capable: null,
    detail: "Unknown — needs Entra ID P1. Security defaults are off.",
    securityDefaultsEnabled: false,
  },
  otherMails: ["adele@fabrikam.com", '=HYPERLINK("http://x")'],
  passwordPolicies: "DisablePasswordExpiration",
  createdOn: "2024-03-01T09:30:00Z",
  accountEnabled: true,
  userType: "Member",
  onPremisesSyncEnabled: null,
  lastSignIn: { unavailable: true, reason: "Needs Entra ID P1 (signInActivity)" },
  assignedLicenseSkuIds: ["c7df2760-2c81-4ef7-b578-5b5392b571df"],
};

export const exampleComputer: RowOf<"computers"> = {
  id: "000005c3-b7a6-4c61-89fc-80bf5ccfc366",
  deviceId: "4c299165-6e8f-4b45-a5ba-c5d250a707ff",
  assetName: "DESKTOP-01",
  hostNameOrIp: "DESKTOP-01",
  os: "Windows",
  osVersion: "10.0.22631.4460",
  distinguishedName: {
    unavailable: true,
    reason:
      "Not available from Microsoft Graph: Entra ID keeps no distinguished name for cloud devices",
  },
  intuneManaged: true,
  joinType: "Entra joined",
  compliant: false,
  lastActivity: "2026-11-20T08:00:00Z",
  accountEnabled: true,
  owner: "adele@contoso.com",
  manufacturer: "Contoso Devices",
  model: "Surface 9",
  serialNumber: "SN-1",
  intuneOnly: false,
};

export const exampleGroup: RowOf<"groups"> = {
  id: "02bd9fd6-8f93-4758-87c3-1fb73740a315",
  displayName: "HR Taskforce",
  description: "Everyone in HR, plus, contractors",
  mail: "hrtaskforce@contoso.com",
  groupTypes: ["Unified"],
  mailEnabled: true,
  proxyAddresses: ["SMTP:hrtaskforce@contoso.com", "smtp:hrtaskforce@contoso.onmicrosoft.com"],
  resourceBehaviorOptions: ["WelcomeEmailDisabled"],
  securityEnabled: false,
  securityIdentifier: "S-1-12-1-45981654-1196986259-3072312199-363020343",
  kind: "Microsoft 365",
  memberCount: 12,
  onPremisesSyncEnabled: null,
};

export const exampleLicence: RowOf<"licences"> = {
  id: "aaaabbbb-0000-cccc-1111-dddd2222eeee_c7df2760-2c81-4ef7-b578-5b5392b571df",
  skuId: "c7df2760-2c81-4ef7-b578-5b5392b571df",
  friendlyName: "Office 365 E5",
  skuPartNumber: "ENTERPRISEPREMIUM",
  activeUnits: 25,
  consumedUnits: 27,
  warningUnits: 0,
  suspendedUnits: 0,
  lockedOutUnits: 0,
  unusedUnits: -2,
  capabilityStatus: "Enabled",
  appliesTo: "User",
};

export const exampleRole: RowOf<"roles"> = {
  id: "62e90394-69f5-4237-9190-012177145e10",
  displayName: "Global Administrator",
  description: "Can manage all aspects of Microsoft Entra ID.",
  roleTemplateId: "62e90394-69f5-4237-9190-012177145e10",
  isBuiltIn: true,
  userCount: 2,
  members: [
    {
      id: "u1",
      kind: "user",
      displayName: "Adele Vance",
      identifier: "adele@contoso.com",
      viaGroup: null,
    },
    {
      id: "u2",
      kind: "user",
      displayName: "Alex Wilber",
      identifier: "alex@contoso.com",
      viaGroup: "Tier 0 Admins",
    },
  ],
};

export const exampleAuditLog: RowOf<"auditLogs"> = {
  id: "Directory_ce3a6d3c-2f4b-4b11-8d1e-3b4e0e6f8f6a",
  activityDateTime: "2026-11-25T21:20:02.7215374Z",
  activity: "Add member to group",
  category: "GroupManagement",
  result: "success",
  resultReason: null,
  loggedByService: "Core Directory",
  correlationId: "da159bfb-54fa-4092-8a38-6e1fa7870e30",
  initiatedBy: "admin@contoso.com",
  initiatedByKind: "user",
  initiatedFromIp: "203.0.113.7",
  targets: ["HR Taskforce", "adele@contoso.com"],
};

export const exampleSecureScore: RowOf<"secureScore"> = {
  id: "aaaabbbb-0000-cccc-1111-dddd2222eeee_2026-11-26",
  createdDateTime: "2026-11-26T00:00:00Z",
  currentScore: 41.5,
  maxScore: 83,
  percentage: 50,
  comparisons: [
    { basis: "AllTenants", averageScore: 38.2 },
    { basis: "TotalSeats", averageScore: 44.1 },
  ],
  controlScores: [
    {
      controlName: "MFARegistrationV2",
      controlCategory: "Identity",
      score: 9,
      maxScore: 9,
      description: "Ensure all users can complete MFA",
    },
    {
      controlName: "AdminMFAV2",
      controlCategory: "Identity",
      score: 0,
      maxScore: 10,
      description: "Require MFA for administrative roles",
    },
  ],
  improvementActions: [
    {
      controlName: "AdminMFAV2",
      title: "Require MFA for administrative roles",
      remediation: "=cmd|' /C calc'!A0",
      userImpact: "Low",
      implementationCost: "Low",
      rank: 1,
      maxScore: 10,
      currentScore: 0,
      service: "AzureAD",
      complete: false,
      deprecated: false,
    },
  ],
  history: [
    { date: "2026-11-24", currentScore: 39, maxScore: 83 },
    { date: "2026-11-25", currentScore: 41.5, maxScore: 83 },
  ],
};
