import { randomBytes } from "node:crypto";

/**
 * The identity platform's own memory, beside the directory: browser sessions (the ESTSAUTH
 * cookies), pending sign-ins, authorization codes and refresh tokens. Kept out of `CloudState`
 * because Graph never sees it.
 */

/** Who a browser session is signed in as: a user in their home tenant. */
export interface SessionAccount {
  homeTenantId: string;
  userId: string;
  signedInAtMs: number;
  /** Issue order, compared against revocations (`revokeSignInSessions`). */
  seq: number;
}

export interface BrowserSession {
  id: string;
  accounts: SessionAccount[];
  /** Set when the user answered "Yes" to "Stay signed in?" (the ESTSAUTHPERSISTENT cookie). */
  persistent: boolean;
  createdMs: number;
}

export type RedirectPlatform = "spa" | "web" | "publicClient";

export interface AuthorizeRequest {
  /** The `{tenant}` segment the client used (GUID, domain, `common` or `organizations`). */
  tenantSegment: string;
  clientId: string;
  redirectUri: string;
  platform: RedirectPlatform;
  responseType: string;
  responseMode: "query" | "fragment" | "form_post";
  scope: string;
  state?: string;
  nonce?: string;
  prompt?: string;
  loginHint?: string;
  domainHint?: string;
  codeChallenge?: string;
  codeChallengeMethod?: string;
  clientInfo: boolean;
  /** `/adminconsent` requests reuse the sign-in pages and end on the admin consent page. */
  kind: "authorize" | "adminconsent";
}

/** A sign-in in progress between the pages (Microsoft's `flowToken`). */
export interface PendingSignIn {
  id: string;
  request: AuthorizeRequest;
  /** Chosen after the username page or the account picker. */
  account?: { homeTenantId: string; userId: string };
  /** Set once the password was checked, until "Stay signed in?" is answered. */
  authenticated: boolean;
  createdMs: number;
}

export interface AuthorizationCode {
  code: string;
  clientId: string;
  redirectUri: string;
  platform: RedirectPlatform;
  codeChallenge?: string;
  codeChallengeMethod?: string;
  nonce?: string;
  scope: string;
  homeTenantId: string;
  userId: string;
  resourceTenantId: string;
  /** The `{tenant}` the code was requested at; redemption must use the same or a matching one. */
  tenantSegment: string;
  sessionId: string;
  authTimeMs: number;
  issuedMs: number;
  redeemed: boolean;
}

export interface RefreshTokenRecord {
  token: string;
  clientId: string;
  homeTenantId: string;
  userId: string;
  /** Issued to a SPA redirect URI: 24 hours from the original sign-in, never extended. */
  spa: boolean;
  /** The sign-in this token family comes from (SPA expiry and AADSTS messages use it). */
  familyIssuedMs: number;
  issuedMs: number;
  seq: number;
  sessionId: string | null;
}

export interface IdentityRuntime {
  sessions: Map<string, BrowserSession>;
  codes: Map<string, AuthorizationCode>;
  refreshTokens: Map<string, RefreshTokenRecord>;
  /** userId → the sequence number before which their refresh tokens and sessions are revoked. */
  revokedBefore: Map<string, { seq: number; atMs: number }>;
  nextSeq: number;
}

export function createIdentityRuntime(): IdentityRuntime {
  return {
    sessions: new Map(),
    codes: new Map(),
    refreshTokens: new Map(),
    revokedBefore: new Map(),
    nextSeq: 1,
  };
}

export function nextSeq(runtime: IdentityRuntime): number {
  return runtime.nextSeq++;
}

/** Opaque artefacts (codes, refresh tokens) look like Entra's: a version prefix and base64url. */
export function opaqueToken(prefix: string, bytes = 64): string {
  return `${prefix}${randomBytes(bytes).toString("base64url")}`;
}

/** `revokeSignInSessions` for a user: every refresh token and session issued so far stops working. */
export function revokeUserGrants(runtime: IdentityRuntime, userId: string, nowMs: number): void {
  runtime.revokedBefore.set(userId, { seq: nextSeq(runtime), atMs: nowMs });
}

export function isRevoked(runtime: IdentityRuntime, userId: string, seq: number): boolean {
  const revoked = runtime.revokedBefore.get(userId);
  return revoked !== undefined && seq < revoked.seq;
}
