/**
 * What other contexts may know about the signed-in account and its tokens. Never the tokens
 * themselves: those stay in the offscreen document (see docs/decisions/extension-msal-in-mv3.md).
 */
export interface AccountSummary {
  username: string;
  name: string | null;
  /** The tenant the account belongs to (the MSP's partner tenant). */
  homeTenantId: string;
  /** The account's object id in its home tenant. */
  homeObjectId: string;
}

export interface TokenSummary {
  /** `tid` claim: the tenant the token is valid for. */
  tenantId: string;
  /** `oid` claim: the signed-in user's object id (in the partner tenant, also for customer tokens). */
  objectId: string;
  /** `scp` claim, split. */
  scopes: string[];
  /** `exp` claim, ISO 8601. */
  expiresAt: string;
  /**
   * `iat` claim, ISO 8601: Entra's clock when it issued the token (null if the token had none).
   * Tells the service worker how far this browser's clock is from Entra's.
   */
  issuedAt: string | null;
  /** True when MSAL answered from its cache without asking the token endpoint. */
  fromCache: boolean;
}

/** A completed sign-in: who, and when Entra redeemed the code (its clock, from the token's `iat`). */
export interface SignInResult {
  account: AccountSummary;
  issuedAt: string | null;
}

/** The outcome of reading a tenant's organization object through Graph. */
export interface TenantAccessCheck {
  tenantId: string;
  /** The `organization` object's id, which is the tenant id Graph served. */
  organizationId: string;
  displayName: string | null;
  /** True when Graph refused the cached access token and a renewed one was used. */
  renewedToken: boolean;
}
