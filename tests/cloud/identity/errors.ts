import { randomUUID } from "node:crypto";

/**
 * Errors of the Microsoft identity platform, shaped as Entra ID sends them. Messages follow
 * Microsoft's AADSTS reference (learn.microsoft.com/entra/identity-platform/reference-error-codes)
 * and the messages real tenants return, so clients that match on the code (MSAL does for
 * `AADSTS700084`, `consent_required`, …) behave as they do against Microsoft.
 */
export type OAuthError =
  | "invalid_request"
  | "invalid_grant"
  | "unauthorized_client"
  | "invalid_client"
  | "unsupported_grant_type"
  | "unsupported_response_type"
  | "invalid_scope"
  | "interaction_required"
  | "login_required"
  | "consent_required"
  | "access_denied"
  | "invalid_resource";

export class IdentityError extends Error {
  override readonly name = "IdentityError";
  constructor(
    readonly error: OAuthError,
    readonly code: number,
    readonly detail: string,
    readonly options: { status?: number; suberror?: string; errorSubcode?: string } = {},
  ) {
    super(`AADSTS${code}: ${detail}`);
  }

  get status(): number {
    return this.options.status ?? 400;
  }
}

/** Microsoft's timestamp form in error bodies: `2016-01-09 02:02:12Z`. */
export function formatAadTimestamp(epochMs: number): string {
  return `${new Date(epochMs).toISOString().slice(0, 19).replace("T", " ")}Z`;
}

export interface ErrorDiagnostics {
  traceId: string;
  correlationId: string;
  timestamp: string;
}

export function newDiagnostics(nowMs: number, correlationId?: string): ErrorDiagnostics {
  return {
    traceId: randomUUID(),
    correlationId: correlationId ?? randomUUID(),
    timestamp: formatAadTimestamp(nowMs),
  };
}

/** `AADSTS…: message\r\nTrace ID: …\r\nCorrelation ID: …\r\nTimestamp: …`, as in every sample. */
export function describeError(error: IdentityError, diagnostics: ErrorDiagnostics): string {
  return `${error.message}\r\nTrace ID: ${diagnostics.traceId}\r\nCorrelation ID: ${diagnostics.correlationId}\r\nTimestamp: ${diagnostics.timestamp}`;
}

export function errorUri(code: number): string {
  return `https://login.microsoftonline.com/error?code=${code}`;
}

/** The token endpoint's JSON error body (`token-authcode-error-invalid-scope.json` plus `error_uri`). */
export function tokenErrorBody(
  error: IdentityError,
  diagnostics: ErrorDiagnostics,
): Record<string, unknown> {
  return {
    error: error.error,
    error_description: describeError(error, diagnostics),
    error_codes: [error.code],
    timestamp: diagnostics.timestamp,
    trace_id: diagnostics.traceId,
    correlation_id: diagnostics.correlationId,
    error_uri: errorUri(error.code),
    ...(error.options.suberror ? { suberror: error.options.suberror } : {}),
  };
}

/** Parameters of an error redirect from `/authorize` or `/adminconsent`. */
export function redirectErrorParams(
  error: IdentityError,
  diagnostics: ErrorDiagnostics,
): Record<string, string> {
  return {
    error: error.error,
    error_description: describeError(error, diagnostics),
    error_uri: errorUri(error.code),
    ...(error.options.errorSubcode ? { error_subcode: error.options.errorSubcode } : {}),
  };
}

// ---- The catalogue: one constructor per AADSTS code the emulator produces. ----

export const errors = {
  tenantNotFound: (tenant: string) =>
    new IdentityError(
      "invalid_request",
      90002,
      `Tenant '${tenant}' not found. Check to make sure you have the correct tenant ID and are signing into the correct cloud. Check with your subscription administrator, this may happen if there are no active subscriptions for the tenant.`,
    ),
  appNotFound: (appId: string, tenantName: string) =>
    new IdentityError(
      "unauthorized_client",
      700016,
      `Application with identifier '${appId}' was not found in the directory '${tenantName}'. This can happen if the application has not been installed by the administrator of the tenant or consented to by any user in the tenant. You may have sent your authentication request to the wrong tenant.`,
    ),
  redirectUriMismatch: (redirectUri: string, appId: string) =>
    new IdentityError(
      "invalid_request",
      50011,
      `The redirect URI '${redirectUri}' specified in the request does not match the redirect URIs configured for the application '${appId}'. Make sure the redirect URI sent in the request matches one added to your application in the Azure portal. Navigate to https://aka.ms/redirectUriMismatchError to learn more about how to fix this.`,
    ),
  missingParameter: (name: string) =>
    new IdentityError(
      "invalid_request",
      900144,
      `The request body must contain the following parameter: '${name}'.`,
    ),
  unsupportedResponseType: (responseType: string) =>
    new IdentityError(
      "unsupported_response_type",
      70005,
      `The provided value for the input parameter 'response_type' is not allowed for this request. Expected value: 'code'. Received value: '${responseType}'.`,
    ),
  pkceRequiredForSpa: () =>
    new IdentityError(
      "invalid_request",
      9002325,
      "Proof Key for Code Exchange is required for cross-origin authorization code redemption.",
    ),
  unsupportedChallengeMethod: () =>
    new IdentityError(
      "invalid_request",
      50147,
      "The code challenge method is not supported. Supported value: 'S256'.",
    ),
  invalidScope: (scope: string) =>
    new IdentityError(
      "invalid_scope",
      70011,
      `The provided value for the input parameter 'scope' is not valid. The scope ${scope} is not valid.`,
    ),
  clientCredentialsScope: (scope: string) =>
    new IdentityError(
      "invalid_scope",
      1002012,
      `The provided value for scope ${scope} is not valid. Client credential flows must have a scope value with /.default suffixed to the resource identifier (application ID URI).`,
    ),
  loginRequired: () =>
    new IdentityError(
      "login_required",
      50058,
      "A silent sign-in request was sent but no user is signed in. The cookies used to represent the user's session were not sent in the request to Azure AD. This can happen if the user is using Internet Explorer or Edge, and the web app sending the silent sign-in request is in different IE security zone than the Azure AD endpoint (login.microsoftonline.com).",
    ),
  consentRequired: (appId: string, appName: string, atTokenEndpoint = false) =>
    new IdentityError(
      atTokenEndpoint ? "invalid_grant" : "consent_required",
      65001,
      `The user or administrator has not consented to use the application with ID '${appId}' named '${appName}'. Send an interactive authorization request for this user and resource.`,
      atTokenEndpoint ? { suberror: "consent_required" } : {},
    ),
  userDeclinedConsent: () =>
    new IdentityError("access_denied", 65004, "User declined to consent to access the app.", {
      errorSubcode: "cancel",
    }),
  userFromOtherTenant: (
    upn: string,
    homeTenantId: string,
    tenantId: string,
    appId: string,
    appName: string,
  ) =>
    new IdentityError(
      "invalid_request",
      50020,
      `User account '${upn}' from identity provider 'https://sts.windows.net/${homeTenantId}/' does not exist in tenant '${tenantId}' and cannot access the application '${appId}'(${appName}) in that tenant. The account needs to be added as an external user in the tenant first. Sign out and sign in again with a different Azure Active Directory user account.`,
    ),
  adminConsentRequired: (appName: string) =>
    new IdentityError(
      "access_denied",
      90094,
      `The grant requires admin permission. ${appName} needs permission to access resources in your organization that only an admin can grant. Please ask an admin to grant permission to this app before you can use it.`,
    ),
  appNotAuthorizedInCustomer: (appId: string, appName: string, tenantId: string) =>
    new IdentityError(
      "invalid_grant",
      90099,
      `The application '${appId}' (${appName}) has not been authorized in the tenant '${tenantId}'. Applications must be authorized to access the customer tenant before partner delegated administrators can use them. Provide pre-consent or execute the appropriate Partner Center API to authorize the application.`,
    ),
  /** A silent request whose signed-in account cannot be used in the tenant. */
  accountNotInTenant: (tenantId: string, appId: string) =>
    new IdentityError(
      "interaction_required",
      16000,
      `User account from identity provider does not exist in tenant '${tenantId}' and cannot access the application '${appId}' in that tenant. This account needs to be added as an external user in the tenant first. Sign out and sign in again with a different Azure Active Directory user account.`,
    ),
  userNotFound: (tenantName: string) =>
    new IdentityError(
      "invalid_grant",
      50034,
      `The user account does not exist in the '${tenantName}' directory. To sign into this application, the account must be added to the directory.`,
    ),
  invalidCredentials: () =>
    new IdentityError(
      "invalid_grant",
      50126,
      "Error validating credentials due to invalid username or password.",
    ),
  userDisabled: () => new IdentityError("invalid_grant", 50057, "The user account is disabled."),
  invalidCode: () =>
    new IdentityError(
      "invalid_grant",
      9002313,
      "Invalid request. Request is malformed or invalid.",
    ),
  codeExpired: (issuedMs: number) =>
    new IdentityError(
      "invalid_grant",
      70008,
      `The provided authorization code or refresh token has expired due to inactivity. Send a new interactive authorization request for this user and resource. The token was issued on ${new Date(issuedMs).toISOString()}.`,
    ),
  codeRedeemed: () =>
    new IdentityError(
      "invalid_grant",
      54005,
      "OAuth2 Authorization code was already redeemed, please retry with a new valid code or use an existing refresh token.",
    ),
  codeForOtherClient: () =>
    new IdentityError(
      "invalid_grant",
      70000,
      "The request was denied because one or more scopes requested are unauthorized or expired. The user must first sign in and grant the client application access to the requested scope.",
    ),
  codeRedirectMismatch: () =>
    new IdentityError(
      "invalid_grant",
      500112,
      "The reply address does not match the reply address provided when requesting Authorization code.",
    ),
  codeWrongTenant: () =>
    new IdentityError(
      "invalid_grant",
      700005,
      "Provided Authorization Code is intended to use against other tenant, thus rejected.",
    ),
  pkceVerifierMissing: () =>
    new IdentityError(
      "invalid_request",
      900144,
      "The request body must contain the following parameter: 'code_verifier'.",
    ),
  pkceMismatch: () =>
    new IdentityError(
      "invalid_grant",
      501481,
      "The Code_Verifier does not match the code_challenge supplied in the authorization request.",
    ),
  spaRequiresCrossOrigin: () =>
    new IdentityError(
      "invalid_request",
      9002327,
      "Tokens issued for the 'Single-Page Application' client-type may only be redeemed via cross-origin requests.",
    ),
  crossOriginOnlyForSpa: (origin: string) =>
    new IdentityError(
      "invalid_request",
      9002326,
      `Cross-origin token redemption is permitted only for the 'Single-Page Application' client-type. Request origin: '${origin}'.`,
    ),
  clientSecretMissing: () =>
    new IdentityError(
      "invalid_client",
      7000218,
      "The request body must contain the following parameter: 'client_assertion' or 'client_secret'.",
      { status: 401 },
    ),
  clientSecretInvalid: (appId: string) =>
    new IdentityError(
      "invalid_client",
      7000215,
      `Invalid client secret provided. Ensure the secret being sent in the request is the client secret value, not the client secret ID, for a secret added to app '${appId}'.`,
      { status: 401 },
    ),
  publicClientWithSecret: () =>
    new IdentityError(
      "invalid_client",
      700025,
      "Client is public so neither 'client_assertion' nor 'client_secret' should be presented.",
      { status: 401 },
    ),
  servicePrincipalMissing: (appId: string, tenantId: string) =>
    new IdentityError(
      "invalid_client",
      7000229,
      `The client application ${appId} is missing service principal in the tenant ${tenantId}. See instructions here: https://go.microsoft.com/fwlink/?linkid=2225119`,
      { status: 401 },
    ),
  grantTypeNotOnCommon: () =>
    new IdentityError(
      "invalid_request",
      9001023,
      "The grant type isn't supported over the /common or /consumers endpoints. Please use the /organizations or tenant-specific endpoint.",
    ),
  onlyPost: (verb: string) =>
    new IdentityError(
      "invalid_request",
      900561,
      `The endpoint only accepts POST, OPTIONS requests. Received a ${verb} request.`,
    ),
  unsupportedGrantType: (grantType: string) =>
    new IdentityError(
      "unsupported_grant_type",
      70003,
      `The app requested an unsupported grant type '${grantType}'.`,
    ),
  refreshTokenMalformed: () =>
    new IdentityError(
      "invalid_grant",
      9002313,
      "Invalid request. Request is malformed or invalid.",
    ),
  refreshTokenRevoked: (issuedMs: number, validFromMs: number) =>
    new IdentityError(
      "invalid_grant",
      50173,
      `The provided grant has expired due to it being revoked, a fresh auth token is needed. The user might have changed or reset their password. The grant was issued on '${new Date(issuedMs).toISOString()}' and the TokensValidFrom date (before which tokens are not valid) for this user is '${new Date(validFromMs).toISOString()}'.`,
    ),
  spaRefreshTokenExpired: (issuedMs: number) =>
    new IdentityError(
      "invalid_grant",
      700084,
      `The refresh token was issued to a single page app (SPA), and therefore has a fixed, limited lifetime of 1.00:00:00, which cannot be extended. It is now expired and a new sign in request must be sent by the SPA to the sign in page. The token was issued on ${new Date(issuedMs).toISOString()}.`,
    ),
  refreshTokenInactive: (issuedMs: number) =>
    new IdentityError(
      "invalid_grant",
      700082,
      `The refresh token has expired due to inactivity. The token was issued on ${new Date(issuedMs).toISOString()} and was inactive for 90.00:00:00.`,
    ),
  refreshTokenForOtherClient: () =>
    new IdentityError("invalid_grant", 70000, "Provided grant is invalid or malformed."),
} as const;
