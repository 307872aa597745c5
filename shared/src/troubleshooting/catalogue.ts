/**
 * Error → cause → fix, for the errors a technician meets when tenantlens reads a customer
 * tenant. The UI shows `title`, `cause` and `nextStep`, and offers the button for `action`.
 *
 * Sources: Microsoft Entra authentication and authorization error codes
 * (https://learn.microsoft.com/en-us/entra/identity-platform/reference-error-codes), the OAuth
 * error tables of the auth code flow (../shared/graph/identity/oauth-error-codes.json) and
 * Microsoft Graph's error responses (../shared/graph/samples/error-codes.json).
 */

/** The one UI action that resolves an error. */
export type FixAction =
  /** Sign in again interactively (expired, revoked or MFA-challenged session). */
  | "reconnect"
  /** Run admin consent for the tenant again, granting the missing permissions. */
  | "reconsent"
  /** Delete the enterprise app in the customer tenant, then consent afresh. */
  | "recreateEnterpriseApp"
  /** Ask the partner's admin for a GDAP relationship/role that reaches this customer. */
  | "requestGdapRole"
  /** The customer needs a licence (Entra ID P1, Intune) for this data. */
  | "buyLicence"
  /** The customer's admin must change a policy (Conditional Access, user consent settings). */
  | "askTenantAdmin"
  /** Transient: tenantlens retries by itself after the delay Microsoft asks for. */
  | "retryLater"
  /** Expected state of the tenant, not a fault: the report says what is missing. */
  | "nothingToFix";

export interface TroubleshootingEntry {
  /** Stable id, used as `reasonCode` in snapshot dataset statuses. */
  id: string;
  title: string;
  cause: string;
  /** What the technician should do, in words. */
  nextStep: string;
  action: FixAction;
  /** Other actions to offer when the first one does not help. */
  alternativeActions: readonly FixAction[];
  /** True when this is the tenant's situation rather than an error (e.g. no Entra ID P1). */
  expected: boolean;
}

const entries = [
  {
    id: "AADSTS65001",
    title: "Not consented in this tenant",
    cause:
      "DelegationDoesNotExist: no administrator of this customer tenant has consented to tenantlens, " +
      "or the consent was removed.",
    nextStep:
      "Run admin consent for this tenant with a Global Administrator or Cloud Application " +
      "Administrator of the customer (or a GDAP user holding that role).",
    action: "reconsent",
    alternativeActions: ["recreateEnterpriseApp"],
    expected: false,
  },
  {
    id: "AADSTS90094",
    title: "Administrator consent required",
    cause:
      "AdminConsentRequired: the permissions tenantlens reads with can only be granted by an " +
      "administrator, and the signed-in user is not one (or user consent is turned off).",
    nextStep: "Ask an administrator of the customer tenant to grant admin consent for tenantlens.",
    action: "reconsent",
    alternativeActions: ["askTenantAdmin"],
    expected: false,
  },
  {
    id: "AADSTS90099",
    title: "App not authorised for this customer (CSP)",
    cause:
      "The application has not been authorised in the customer tenant: partner delegated " +
      "administrators can only use apps the customer tenant has consented to first.",
    nextStep:
      "Grant admin consent in the customer tenant (a customer admin, or the partner through the " +
      "Partner Center application consent API), then reconnect.",
    action: "reconsent",
    alternativeActions: ["requestGdapRole"],
    expected: false,
  },
  {
    id: "AADSTS50020",
    title: "Account from another directory",
    cause:
      "UserUnauthorized: the account that signed in does not exist in this customer tenant (not " +
      "a member, not a guest) and no delegated admin relationship lets it in.",
    nextStep:
      "Sign in with an account of the customer tenant, or ask your partner admin for a GDAP " +
      "relationship with a reader role for this customer.",
    action: "requestGdapRole",
    alternativeActions: ["reconnect"],
    expected: false,
  },
  {
    id: "AADSTS500213",
    title: "Blocked by the customer's cross-tenant access policy",
    cause:
      "NotAllowedByInboundPolicyTenant: the customer tenant's cross-tenant access settings do not " +
      "let accounts from your organisation in (AADSTS500212 is the same from your own tenant's " +
      "outbound policy).",
    nextStep:
      "Ask the customer's administrator (or yours, for the outbound case) to allow your " +
      "organisation in the cross-tenant access settings, or use GDAP, which is not subject to them.",
    action: "askTenantAdmin",
    alternativeActions: ["requestGdapRole"],
    expected: false,
  },
  {
    id: "AADSTS530034",
    title: "Delegated admin blocked for risk",
    cause:
      "DelegatedAdminBlockedDueToSuspiciousActivity: your account is flagged as risky in your own " +
      "(partner) tenant, so delegated access to customers is blocked.",
    nextStep:
      "Ask your partner tenant's administrator to review and remediate the risk on your account, " +
      "then reconnect.",
    action: "askTenantAdmin",
    alternativeActions: ["reconnect"],
    expected: false,
  },
  {
    id: "AADSTS50105",
    title: "Not assigned to the app",
    cause:
      "EntitlementGrantsNotFound: the tenantlens enterprise app in this tenant requires user " +
      "assignment, and the signed-in user is not assigned.",
    nextStep:
      "Ask the tenant's administrator to assign you to the tenantlens enterprise app, or to turn " +
      "off 'Assignment required'.",
    action: "askTenantAdmin",
    alternativeActions: [],
    expected: false,
  },
  {
    id: "AADSTS700084",
    title: "Session expired (24-hour limit)",
    cause:
      "Refresh tokens issued to a single-page app live at most 24 hours and cannot be extended; " +
      "this one has expired.",
    nextStep: "Reconnect: sign in again to continue.",
    action: "reconnect",
    alternativeActions: [],
    expected: true,
  },
  {
    id: "AADSTS700082",
    title: "Session expired after inactivity",
    cause:
      "ExpiredOrRevokedGrantInactiveToken: the refresh token expired because it was unused too long.",
    nextStep: "Reconnect: sign in again to continue.",
    action: "reconnect",
    alternativeActions: [],
    expected: true,
  },
  {
    id: "AADSTS50173",
    title: "Session revoked",
    cause:
      "FreshTokenNeeded: an administrator or the user revoked the sessions (for example after a " +
      "password change), so the saved sign-in no longer works.",
    nextStep: "Reconnect: sign in again to continue.",
    action: "reconnect",
    alternativeActions: [],
    expected: false,
  },
  {
    id: "AADSTS50076",
    title: "Multifactor authentication required",
    cause:
      "UserStrongAuthClientAuthNRequired: a Conditional Access policy, per-user MFA or a new " +
      "location requires MFA, which a silent token refresh cannot do.",
    nextStep: "Reconnect and complete the MFA prompt.",
    action: "reconnect",
    alternativeActions: [],
    expected: false,
  },
  {
    id: "AADSTS53003",
    title: "Blocked by Conditional Access",
    cause:
      "BlockedByConditionalAccess: a Conditional Access policy of the tenant does not allow a " +
      "token for this sign-in (device, location, app or risk condition).",
    nextStep:
      "Ask the tenant's administrator which policy blocked the sign-in (sign-in logs show it) " +
      "and whether tenantlens or your device/location may be allowed.",
    action: "askTenantAdmin",
    alternativeActions: [],
    expected: false,
  },
  {
    id: "AADSTS50058",
    title: "Not signed in",
    cause:
      "UserInformationNotProvided (login_required): a silent sign-in found no session, or more " +
      "than one account, in the browser.",
    nextStep: "Reconnect: sign in interactively.",
    action: "reconnect",
    alternativeActions: [],
    expected: true,
  },
  {
    id: "interaction_required",
    title: "Sign-in needs your interaction",
    cause:
      "The request needs another authentication step or consent that a silent sign-in cannot give.",
    nextStep: "Reconnect interactively.",
    action: "reconnect",
    alternativeActions: ["reconsent"],
    expected: false,
  },
  {
    id: "AADSTS65004",
    title: "Consent declined",
    cause: "UserDeclinedConsent: the administrator declined (or cancelled) the consent prompt.",
    nextStep:
      "Run admin consent again and accept the permissions if you want tenantlens to read this tenant.",
    action: "reconsent",
    alternativeActions: [],
    expected: false,
  },
  {
    id: "Authorization_RequestDenied",
    title: "Permission missing",
    cause:
      "Insufficient privileges: the consent in this tenant lacks a permission this report needs " +
      "(often after tenantlens added a report), or the signed-in user's directory role does not " +
      "allow the read.",
    nextStep:
      "Re-run admin consent to grant the missing permission. If that does not help, check the " +
      "user's role (GDAP reader roles) or delete the enterprise app and consent afresh.",
    action: "reconsent",
    alternativeActions: ["requestGdapRole", "recreateEnterpriseApp"],
    expected: false,
  },
  {
    id: "Authentication_RequestFromNonPremiumTenantOrB2CTenant",
    title: "Needs Entra ID P1",
    cause:
      "The tenant has no Microsoft Entra ID P1/P2 licence, which Microsoft requires for the MFA " +
      "registration report and sign-in activity. This is the tenant's licensing, not an error.",
    nextStep:
      "Nothing is broken: MFA falls back to per-user authentication methods and the report says " +
      "which answers are unknown. An Entra ID P1 licence would give the full report.",
    action: "buyLicence",
    alternativeActions: ["nothingToFix"],
    expected: true,
  },
  {
    id: "IntuneRequestNotApplicable",
    title: "No Intune in this tenant",
    cause:
      'Intune answers "Request not applicable to target tenant." when the tenant has no Intune ' +
      "licence: there are no managed devices to read.",
    nextStep:
      "Nothing to fix: computers are listed from Entra ID alone and shown as not Intune managed.",
    action: "nothingToFix",
    alternativeActions: ["buyLicence"],
    expected: true,
  },
  {
    id: "TooManyRequests",
    title: "Throttled by Microsoft Graph",
    cause: "Microsoft Graph throttled the requests (HTTP 429) for this tenant or app.",
    nextStep: "Nothing to do: tenantlens waits for the Retry-After delay and continues.",
    action: "retryLater",
    alternativeActions: [],
    expected: true,
  },
  {
    id: "InvalidAuthenticationToken",
    title: "Access token rejected",
    cause: "Microsoft Graph rejected the access token (expired, malformed or for another tenant).",
    nextStep: "Reconnect: a fresh sign-in gets a new token.",
    action: "reconnect",
    alternativeActions: [],
    expected: false,
  },
  {
    id: "Unknown",
    title: "Unrecognised error",
    cause: "Microsoft returned an error tenantlens has no specific advice for.",
    nextStep:
      "Reconnect and retry; if it persists, give the error code and correlation id to support.",
    action: "reconnect",
    alternativeActions: [],
    expected: false,
  },
] as const satisfies readonly TroubleshootingEntry[];

export type TroubleshootingId = (typeof entries)[number]["id"];

export const TROUBLESHOOTING_CATALOGUE: Readonly<Record<TroubleshootingId, TroubleshootingEntry>> =
  (() => {
    const byId = {} as Record<TroubleshootingId, TroubleshootingEntry>;
    for (const entry of entries) byId[entry.id] = entry;
    return Object.freeze(byId);
  })();

export function isTroubleshootingId(value: string): value is TroubleshootingId {
  return Object.hasOwn(TROUBLESHOOTING_CATALOGUE, value);
}
