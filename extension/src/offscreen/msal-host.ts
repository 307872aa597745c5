import {
  type AccountInfo,
  type AuthenticationResult,
  CacheLookupPolicy,
  PublicClientApplication,
} from "@azure/msal-browser";
import { ClientIdMissingError, SignInRequiredError, toAuthFlowError } from "../auth/errors";
import { GRAPH_READ_SCOPES } from "../auth/graph-scopes";
import { buildMsalConfiguration, SIGN_IN_AUTHORITY, tenantAuthority } from "../auth/msal-config";
import type { AccountSummary, SignInResult, TokenSummary } from "../auth/summaries";
import {
  MalformedTokenError,
  readAccessTokenFacts,
  summarizeAccessToken,
} from "../auth/token-claims";
import type { AccessTokenSource } from "../graph/graph-get";
import type { KnownAccount, SignInMode } from "../messages";

function signInRequired(
  message: string,
  oauthError: string,
  nextStep: string,
): SignInRequiredError {
  return new SignInRequiredError(message, { code: oauthError, oauthError, nextStep });
}

/**
 * Hosts one unmodified MSAL `PublicClientApplication` in the offscreen document, the only place
 * tokens exist. Interactive steps are split in two because only the service worker can call
 * `chrome.identity.launchWebAuthFlow`:
 *   1. `beginRedirect` runs `acquireTokenRedirect`, whose `onRedirectNavigate` hands us the
 *      authorize URL (with PKCE, state, nonce) and cancels the navigation;
 *   2. the service worker runs that URL through `launchWebAuthFlow`;
 *   3. `completeRedirect` gives the final URL's fragment to `handleRedirectPromise`, which
 *      checks state and nonce and redeems the code with the PKCE verifier.
 * See docs/decisions/extension-msal-in-mv3.md.
 */
export class MsalHost {
  #clientId: string | null = null;
  #app: Promise<PublicClientApplication> | null = null;
  #capturedAuthorizeUrl: string | null = null;

  async beginRedirect(
    clientId: string,
    mode: SignInMode,
    knownAccount: KnownAccount | null,
  ): Promise<string> {
    const app = await this.#appFor(clientId);
    this.#capturedAuthorizeUrl = null;
    try {
      await app.acquireTokenRedirect({
        scopes: [...GRAPH_READ_SCOPES],
        ...(mode === "silent"
          ? silentRequest(app.getActiveAccount(), knownAccount)
          : { prompt: "select_account", authority: SIGN_IN_AUTHORITY }),
      });
    } catch (error) {
      throw toAuthFlowError(error);
    }
    const authorizeUrl = this.#capturedAuthorizeUrl;
    if (authorizeUrl === null) throw new Error("MSAL did not produce an authorize URL.");
    return authorizeUrl;
  }

  async completeRedirect(clientId: string, responseUrl: string): Promise<SignInResult> {
    const app = await this.#appFor(clientId);
    // Entra answers SPA requests in the fragment (`response_mode=fragment`), errors included.
    const hash = new URL(responseUrl).hash;
    let result: AuthenticationResult | null;
    try {
      result = await app.handleRedirectPromise({ hash, navigateToLoginRequestUrl: false });
    } catch (error) {
      throw toAuthFlowError(error);
    }
    if (result?.account == null) {
      throw signInRequired(
        "The sign-in window returned no authorization response.",
        "no_server_response",
        "Sign in again.",
      );
    }
    // The technician's home (partner) account: every later token request starts from it.
    app.setActiveAccount(result.account);
    return { account: summarizeAccount(result.account), issuedAt: issuedAtOf(result.accessToken) };
  }

  /**
   * Clears MSAL's "interaction in progress" after a flow that never came back (window closed,
   * network error). MSAL does this itself when `handleRedirectPromise` sees no auth response; the
   * fragment is unique because MSAL memoises `handleRedirectPromise` per fragment.
   */
  async abandonRedirect(clientId: string): Promise<void> {
    const app = await this.#appFor(clientId);
    await app.handleRedirectPromise({
      hash: `#abandoned=${crypto.randomUUID()}`,
      navigateToLoginRequestUrl: false,
    });
  }

  async getAccount(clientId: string): Promise<AccountSummary | null> {
    const account = (await this.#appFor(clientId)).getActiveAccount();
    return account === null ? null : summarizeAccount(account);
  }

  async acquireTokenSilent(
    clientId: string,
    tenantId: string,
    forceRefresh: boolean,
  ): Promise<TokenSummary> {
    const result = await this.#acquireSilent(clientId, tenantId, forceRefresh);
    return summarizeAccessToken(result.accessToken, result.fromCache);
  }

  /** Raw access tokens for Graph calls made in this document; they never leave it. */
  accessTokenSource(clientId: string): AccessTokenSource {
    return async (tenantId, forceRefresh) =>
      (await this.#acquireSilent(clientId, tenantId, forceRefresh)).accessToken;
  }

  /**
   * A Graph token for any tenant the account reaches: its own, or a customer tenant where the
   * partner holds delegated admin rights. MSAL redeems the partner's refresh token at the
   * customer's authority. No hidden-iframe fallback (`AccessTokenAndRefreshToken`): the
   * offscreen document cannot complete one, and the caller decides whether to sign in again.
   */
  async #acquireSilent(
    clientId: string,
    tenantId: string,
    forceRefresh: boolean,
  ): Promise<AuthenticationResult> {
    const app = await this.#appFor(clientId);
    const home = app.getActiveAccount();
    if (home === null) throw signInRequired("Nobody is signed in.", "no_account_error", "Sign in.");
    try {
      return await app.acquireTokenSilent({
        account: accountInTenant(app, home, tenantId),
        authority: tenantAuthority(tenantId),
        scopes: [...GRAPH_READ_SCOPES],
        forceRefresh,
        cacheLookupPolicy: CacheLookupPolicy.AccessTokenAndRefreshToken,
      });
    } catch (error) {
      throw toAuthFlowError(error);
    }
  }

  #appFor(clientId: string): Promise<PublicClientApplication> {
    if (clientId === "") {
      throw new ClientIdMissingError("No client id.", {
        code: "no_client_id",
        oauthError: "no_client_id",
        nextStep: "Set it in Options.",
      });
    }
    if (this.#app === null || this.#clientId !== clientId) {
      this.#clientId = clientId;
      this.#app = this.#createApp(clientId);
    }
    return this.#app;
  }

  async #createApp(clientId: string): Promise<PublicClientApplication> {
    const app = new PublicClientApplication(
      buildMsalConfiguration({
        clientId,
        onRedirectNavigate: (authorizeUrl) => {
          this.#capturedAuthorizeUrl = authorizeUrl;
          return false;
        },
      }),
    );
    await app.initialize();
    return app;
  }
}

/**
 * A silent sign-in goes to the account's own tenant with `prompt=none`: Entra answers from its
 * session cookie, or redirects back with `login_required` (AADSTS50058). With MSAL's account at
 * hand MSAL adds its `sid`/`login_hint`; after Chrome closed the offscreen document (and MSAL's
 * cache with it) the service worker's remembered username is the `login_hint`.
 * https://learn.microsoft.com/entra/identity-platform/v2-oauth2-auth-code-flow#request-an-authorization-code
 */
function silentRequest(
  account: AccountInfo | null,
  knownAccount: KnownAccount | null,
): { prompt: "none"; authority: string; account?: AccountInfo; loginHint?: string } {
  if (account !== null) {
    return { prompt: "none", account, authority: tenantAuthority(account.tenantId) };
  }
  if (knownAccount !== null) {
    return {
      prompt: "none",
      loginHint: knownAccount.username,
      authority: tenantAuthority(knownAccount.homeTenantId),
    };
  }
  throw signInRequired("No account to sign in silently.", "no_account_error", "Sign in.");
}

/**
 * Entra's clock at the code redemption, from the new access token (never the token itself).
 * Best effort: a sign-in must not fail over a bookkeeping detail, so an unreadable token gives
 * null and the service worker falls back to the browser's clock.
 */
function issuedAtOf(accessToken: string): string | null {
  try {
    const { iat } = readAccessTokenFacts(accessToken);
    return iat === null ? null : new Date(iat * 1000).toISOString();
  } catch (error) {
    if (error instanceof MalformedTokenError) return null;
    throw error;
  }
}

/**
 * MSAL finds cached tokens by the account's `tenantId`, not by the request's authority: a token
 * for another tenant needs the account as seen from that tenant (its "tenant profile").
 * Before the first token there, the home account re-addressed to that tenant lets MSAL redeem
 * the (tenant-independent) refresh token at that tenant; the answer creates the tenant profile.
 * https://github.com/AzureAD/microsoft-authentication-library-for-js/blob/dev/lib/msal-common/docs/multi-tenant-accounts.md
 */
function accountInTenant(
  app: PublicClientApplication,
  home: AccountInfo,
  tenantId: string,
): AccountInfo {
  if (home.tenantId === tenantId) return home;
  return app.getAccount({ homeAccountId: home.homeAccountId, tenantId }) ?? { ...home, tenantId };
}

function summarizeAccount(account: AccountInfo): AccountSummary {
  // homeAccountId is `<object id>.<home tenant id>` for Entra accounts.
  const [homeObjectId, homeTenantId] = account.homeAccountId.split(".");
  return {
    username: account.username,
    name: account.name ?? null,
    homeTenantId: homeTenantId ?? account.tenantId,
    homeObjectId: homeObjectId ?? account.localAccountId,
  };
}
