import { GIVEN_NAMES, GUEST_HOME_DOMAINS, SURNAMES } from "../catalog/people";
import { DAY_MS, isoSeconds } from "../graph-ids";
import type { GraphObject } from "../model";
import type { GenerationContext } from "./context";
import { EMPTY, NO_EXTENSION_ATTRIBUTES } from "./context";
import { cloudSecurityIdentifier } from "./sids";
import { signInActivity } from "./sign-in-activity";

/** An invited B2B guest with every v1.0 user property; pending invitations never signed in. */
export function buildGuest(context: GenerationContext, index: number): GraphObject {
  const { rng, nowMs, tenant } = context;
  const id = rng.guid();
  const givenName = rng.pick(GIVEN_NAMES);
  const surname = rng.pick(SURNAMES);
  const homeDomain = rng.pick(GUEST_HOME_DOMAINS);
  const local = `${givenName}.${surname}${index}`.toLowerCase();
  const email = `${local}@${homeDomain}`;
  // Invited guests: `name_domain#EXT#@tenant.onmicrosoft.com` (https://learn.microsoft.com/entra/external-id/user-properties).
  const userPrincipalName = `${local}_${homeDomain}#EXT#@${tenant.initialDomain}`;
  const createdMs = rng.daysBefore(nowMs, 1, 900);
  const accepted = rng.chance(0.85);
  return {
    id,
    deletedDateTime: null,
    accountEnabled: true,
    ageGroup: null,
    assignedLicenses: EMPTY,
    assignedPlans: EMPTY,
    businessPhones: EMPTY,
    city: null,
    companyName: null,
    consentProvidedForMinor: null,
    country: null,
    createdDateTime: isoSeconds(createdMs),
    creationType: "Invitation",
    department: null,
    displayName: `${givenName} ${surname}`,
    employeeHireDate: null,
    employeeId: null,
    employeeLeaveDateTime: null,
    employeeOrgData: null,
    employeeType: null,
    externalUserState: accepted ? "Accepted" : "PendingAcceptance",
    externalUserStateChangeDateTime: isoSeconds(
      createdMs + (accepted ? rng.int(1, 3) * DAY_MS : 0),
    ),
    faxNumber: null,
    givenName,
    identities: [
      {
        signInType: "federated",
        issuer:
          homeDomain.endsWith(".com") && homeDomain !== "gmail.com" && homeDomain !== "outlook.com"
            ? "ExternalAzureAD"
            : "mail",
        issuerAssignedId: null,
      },
    ],
    imAddresses: EMPTY,
    isResourceAccount: null,
    jobTitle: null,
    lastPasswordChangeDateTime: null,
    legalAgeGroupClassification: null,
    licenseAssignmentStates: EMPTY,
    mail: email,
    mailNickname: userPrincipalName.split("@")[0] ?? local,
    mobilePhone: null,
    officeLocation: null,
    onPremisesDistinguishedName: null,
    onPremisesDomainName: null,
    onPremisesExtensionAttributes: NO_EXTENSION_ATTRIBUTES,
    onPremisesImmutableId: null,
    onPremisesLastSyncDateTime: null,
    onPremisesProvisioningErrors: EMPTY,
    onPremisesSamAccountName: null,
    onPremisesSecurityIdentifier: null,
    onPremisesSyncEnabled: null,
    onPremisesUserPrincipalName: null,
    otherMails: [email],
    passwordPolicies: null,
    passwordProfile: null,
    postalCode: null,
    preferredDataLocation: null,
    preferredLanguage: null,
    provisionedPlans: EMPTY,
    proxyAddresses: [`SMTP:${email}`],
    securityIdentifier: cloudSecurityIdentifier(id),
    showInAddressList: false,
    signInActivity: signInActivity(context, accepted ? "typical" : "never", true, createdMs),
    signInSessionsValidFromDateTime: isoSeconds(createdMs),
    state: null,
    streetAddress: null,
    surname,
    usageLocation: null,
    userPrincipalName,
    userType: "Guest",
  };
}
