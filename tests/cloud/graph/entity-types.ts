/**
 * What the emulator knows of each Graph entity type: its name (for Graph's "Could not find a
 * property named 'x' on type 'microsoft.graph.user'." error), its properties (v1.0 resource
 * pages under api-reference/v1.0/resources/) and the properties returned without `$select`.
 */
export interface EntityType {
  name: string;
  properties: ReadonlySet<string>;
  /** When set, only these are returned without `$select` (users, per user-list.md). */
  defaultProperties?: readonly string[];
  /** Returned only with `$select` (group.md "returned only on $select"). */
  selectOnlyProperties?: ReadonlySet<string>;
  /** Navigation properties `$expand` accepts. */
  navigationProperties?: ReadonlySet<string>;
}

const set = (names: string): ReadonlySet<string> => new Set(names.split(/\s+/).filter(Boolean));

export const USER: EntityType = {
  name: "microsoft.graph.user",
  properties: set(`
    id aboutMe accountEnabled ageGroup assignedLicenses assignedPlans authorizationInfo birthday
    businessPhones city companyName consentProvidedForMinor country createdDateTime creationType
    customSecurityAttributes deletedDateTime department displayName employeeHireDate
    employeeLeaveDateTime employeeId employeeOrgData employeeType externalUserState
    externalUserStateChangeDateTime faxNumber givenName hireDate identities imAddresses interests
    isManagementRestricted isResourceAccount jobTitle lastPasswordChangeDateTime
    legalAgeGroupClassification licenseAssignmentStates mail mailboxSettings mailNickname
    mobilePhone mySite officeLocation onPremisesDistinguishedName onPremisesDomainName
    onPremisesExtensionAttributes onPremisesImmutableId onPremisesLastSyncDateTime
    onPremisesProvisioningErrors onPremisesSamAccountName onPremisesSecurityIdentifier
    onPremisesSyncEnabled onPremisesUserPrincipalName otherMails passwordPolicies passwordProfile
    pastProjects postalCode preferredDataLocation preferredLanguage preferredName
    provisionedPlans proxyAddresses responsibilities schools securityIdentifier
    serviceProvisioningErrors showInAddressList signInActivity signInSessionsValidFromDateTime
    skills state streetAddress surname usageLocation userPrincipalName userType`),
  // user-list.md: "By default, only a limited set of properties are returned" (users-list.json).
  defaultProperties: [
    "businessPhones",
    "displayName",
    "givenName",
    "jobTitle",
    "mail",
    "mobilePhone",
    "officeLocation",
    "preferredLanguage",
    "surname",
    "userPrincipalName",
    "id",
  ],
  navigationProperties: set("manager memberOf transitiveMemberOf ownedDevices registeredDevices"),
};

export const GROUP: EntityType = {
  name: "microsoft.graph.group",
  properties: set(`
    id allowExternalSenders assignedLabels assignedLicenses autoSubscribeNewMembers classification
    createdDateTime deletedDateTime description displayName expirationDateTime groupTypes
    hasMembersWithLicenseErrors hideFromAddressLists hideFromOutlookClients isArchived
    isAssignableToRole isManagementRestricted isSubscribedByMail licenseProcessingState mail
    mailEnabled mailNickname membershipRule membershipRuleProcessingState onPremisesDomainName
    onPremisesLastSyncDateTime onPremisesNetBiosName onPremisesProvisioningErrors
    onPremisesSamAccountName onPremisesSecurityIdentifier onPremisesSyncEnabled
    preferredDataLocation preferredLanguage proxyAddresses renewedDateTime resourceBehaviorOptions
    resourceProvisioningOptions securityEnabled securityIdentifier serviceProvisioningErrors theme
    uniqueName unseenCount visibility`),
  selectOnlyProperties: set(`
    allowExternalSenders assignedLabels assignedLicenses autoSubscribeNewMembers
    hasMembersWithLicenseErrors hideFromAddressLists hideFromOutlookClients isArchived
    isSubscribedByMail licenseProcessingState unseenCount`),
  navigationProperties: set("members owners memberOf transitiveMembers"),
};

export const DEVICE: EntityType = {
  name: "microsoft.graph.device",
  properties: set(`
    id accountEnabled alternativeSecurityIds approximateLastSignInDateTime complianceExpirationDateTime
    createdDateTime deletedDateTime deviceCategory deviceId deviceMetadata deviceOwnership
    deviceVersion displayName enrollmentProfileName enrollmentType extensionAttributes isCompliant
    isManaged isManagementRestricted isRooted managementType manufacturer mdmAppId model
    onPremisesLastSyncDateTime onPremisesSecurityIdentifier onPremisesSyncEnabled operatingSystem
    operatingSystemVersion physicalIds profileType registrationDateTime systemLabels trustType`),
  navigationProperties: set("registeredOwners registeredUsers memberOf"),
};

export const MANAGED_DEVICE: EntityType = {
  name: "microsoft.graph.managedDevice",
  properties: set(`
    id userId deviceName managedDeviceOwnerType enrolledDateTime lastSyncDateTime operatingSystem
    complianceState jailBroken managementAgent osVersion easActivated easDeviceId
    easActivationDateTime azureADRegistered deviceEnrollmentType activationLockBypassCode
    emailAddress azureADDeviceId deviceRegistrationState deviceCategoryDisplayName isSupervised
    exchangeLastSuccessfulSyncDateTime exchangeAccessState exchangeAccessStateReason
    remoteAssistanceSessionUrl remoteAssistanceSessionErrorDetails isEncrypted userPrincipalName
    model manufacturer imei complianceGracePeriodExpirationDateTime serialNumber phoneNumber
    androidSecurityPatchLevel userDisplayName configurationManagerClientEnabledFeatures wiFiMacAddress
    deviceHealthAttestationState subscriberCarrier meid totalStorageSpaceInBytes
    freeStorageSpaceInBytes managedDeviceName partnerReportedThreatState requireUserEnrollmentApproval
    managementCertificateExpirationDate iccid udid notes ethernetMacAddress physicalMemoryInBytes
    enrollmentProfileName deviceActionResults`),
};

export const SUBSCRIBED_SKU: EntityType = {
  name: "microsoft.graph.subscribedSku",
  properties: set(`
    id accountId accountName appliesTo capabilityStatus consumedUnits prepaidUnits servicePlans
    skuId skuPartNumber subscriptionIds`),
};

export const DIRECTORY_ROLE: EntityType = {
  name: "microsoft.graph.directoryRole",
  properties: set("id deletedDateTime description displayName roleTemplateId"),
  navigationProperties: set("members scopedMembers"),
};

export const ROLE_ASSIGNMENT: EntityType = {
  name: "microsoft.graph.unifiedRoleAssignment",
  properties: set(
    "id appScopeId condition directoryScopeId principalId principalOrganizationId resourceScope roleDefinitionId",
  ),
  navigationProperties: set("principal roleDefinition directoryScope appScope"),
};

export const ROLE_DEFINITION: EntityType = {
  name: "microsoft.graph.unifiedRoleDefinition",
  properties: set(
    "id description displayName isBuiltIn isEnabled isPrivileged resourceScopes rolePermissions templateId version",
  ),
  navigationProperties: set("inheritsPermissionsFrom"),
};

export const DIRECTORY_AUDIT: EntityType = {
  name: "microsoft.graph.directoryAudit",
  properties: set(`
    id activityDateTime activityDisplayName additionalDetails category correlationId initiatedBy
    loggedByService operationType result resultReason targetResources`),
};

export const USER_REGISTRATION_DETAILS: EntityType = {
  name: "microsoft.graph.userRegistrationDetails",
  properties: set(`
    id isAdmin isMfaCapable isMfaRegistered isPasswordlessCapable isSsprCapable isSsprEnabled
    isSsprRegistered isSystemPreferredAuthenticationMethodEnabled lastUpdatedDateTime
    methodsRegistered systemPreferredAuthenticationMethods userDisplayName
    userPreferredMethodForSecondaryAuthentication userPrincipalName userType`),
};

export const SECURE_SCORE: EntityType = {
  name: "microsoft.graph.secureScore",
  properties: set(`
    id activeUserCount averageComparativeScores azureTenantId controlScores createdDateTime
    currentScore enabledServices licensedUserCount maxScore vendorInformation`),
};

export const SECURE_SCORE_CONTROL_PROFILE: EntityType = {
  name: "microsoft.graph.secureScoreControlProfile",
  properties: set(`
    id actionType actionUrl azureTenantId complianceInformation controlCategory controlStateUpdates
    deprecated implementationCost lastModifiedDateTime maxScore rank remediation remediationImpact
    service threats tier title userImpact vendorInformation`),
};

export const SERVICE_PRINCIPAL: EntityType = {
  name: "microsoft.graph.servicePrincipal",
  properties: set(`
    id accountEnabled addIns alternativeNames appDescription appDisplayName appId
    applicationTemplateId appOwnerOrganizationId appRoleAssignmentRequired appRoles
    customSecurityAttributes deletedDateTime description disabledByMicrosoftStatus displayName
    homepage info keyCredentials loginUrl logoutUrl notes notificationEmailAddresses
    oauth2PermissionScopes passwordCredentials preferredSingleSignOnMode
    preferredTokenSigningKeyThumbprint replyUrls resourceSpecificApplicationPermissions
    samlSingleSignOnSettings servicePrincipalNames servicePrincipalType signInAudience tags
    tokenEncryptionKeyId verifiedPublisher`),
  navigationProperties: set("appRoleAssignedTo appRoleAssignments oauth2PermissionGrants owners"),
};

export const OAUTH2_PERMISSION_GRANT: EntityType = {
  name: "microsoft.graph.oAuth2PermissionGrant",
  properties: set("id clientId consentType principalId resourceId scope"),
};

export const CONTRACT: EntityType = {
  name: "microsoft.graph.contract",
  properties: set("id contractType customerId defaultDomainName deletedDateTime displayName"),
};

export const DELEGATED_ADMIN_CUSTOMER: EntityType = {
  name: "microsoft.graph.delegatedAdminCustomer",
  properties: set("id displayName tenantId"),
  navigationProperties: set("serviceManagementDetails"),
};

export const ORGANIZATION: EntityType = {
  name: "microsoft.graph.organization",
  properties: set(`
    id assignedPlans businessPhones city country countryLetterCode createdDateTime
    defaultUsageLocation deletedDateTime directorySizeQuota displayName
    isMultipleDataLocationsForServicesEnabled marketingNotificationEmails
    onPremisesLastSyncDateTime onPremisesSyncEnabled partnerTenantType postalCode
    preferredLanguage privacyProfile provisionedPlans securityComplianceNotificationMails
    securityComplianceNotificationPhones state street technicalNotificationMails tenantType
    verifiedDomains`),
};

export const AUTHENTICATION_METHOD: EntityType = {
  name: "microsoft.graph.authenticationMethod",
  properties: set("id"),
};

/** Case-insensitive lookup of a property's canonical name (`$select=DisplayName` works). */
export function canonicalProperty(type: EntityType, name: string): string | undefined {
  if (type.properties.has(name)) return name;
  const lowered = name.toLowerCase();
  for (const property of type.properties) if (property.toLowerCase() === lowered) return property;
  return undefined;
}

export const CONDITIONAL_ACCESS_POLICY: EntityType = {
  name: "microsoft.graph.conditionalAccessPolicy",
  properties: set(
    "id conditions createdDateTime description displayName grantControls modifiedDateTime sessionControls state templateId",
  ),
};

export const DELEGATED_ADMIN_RELATIONSHIP: EntityType = {
  name: "microsoft.graph.delegatedAdminRelationship",
  properties: set(`
    id accessDetails activatedDateTime autoExtendDuration createdDateTime customer displayName
    duration endDateTime lastModifiedDateTime status`),
};

export const APP_ROLE_ASSIGNMENT: EntityType = {
  name: "microsoft.graph.appRoleAssignment",
  properties: set(
    "id appRoleId createdDateTime deletedDateTime principalDisplayName principalId principalType resourceDisplayName resourceId",
  ),
};
