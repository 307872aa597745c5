import type { Configuration } from "@azure/msal-browser";
import { EXTENSION_REDIRECT_URI } from "../../../shared/src/extension-identity";

export const LOGIN_HOST = "https://login.microsoftonline.com";

/**
 * Technicians sign in through `organizations`: the app is multi-tenant, and the tenant is the
 * account's (the MSP's partner tenant). Customer tenants are reached later with that account.
 * https://learn.microsoft.com/entra/identity-platform/msal-client-application-configuration#authority
 */
export const SIGN_IN_AUTHORITY = `${LOGIN_HOST}/organizations`;

export function tenantAuthority(tenantId: string): string {
  return `${LOGIN_HOST}/${tenantId}`;
}

export interface MsalConfigurationInput {
  clientId: string;
  /**
   * Receives the authorize URL instead of the page navigating to it: the offscreen document
   * cannot show a login page, so the service worker runs the URL through `launchWebAuthFlow`.
   * Must return false (MSAL then skips navigation).
   */
  onRedirectNavigate: (authorizeUrl: string) => false;
}

/** MSAL configuration for the offscreen document. */
export function buildMsalConfiguration({
  clientId,
  onRedirectNavigate,
}: MsalConfigurationInput): Configuration {
  return {
    auth: {
      clientId,
      authority: SIGN_IN_AUTHORITY,
      // The single-page-application redirect URI registered in Entra ID; launchWebAuthFlow
      // completes when the login page redirects to https://<extension-id>.chromiumapp.org/.
      redirectUri: EXTENSION_REDIRECT_URI,
      postLogoutRedirectUri: null,
      onRedirectNavigate,
    },
    cache: {
      // The offscreen document's sessionStorage: it belongs to that one document (popup and
      // side panel have their own), never reaches disk, and ends with the document. A closed
      // document costs a silent `prompt=none` sign-in, not a prompt. (MSAL refuses redirect
      // flows with `memoryStorage`: BrowserConfigurationAuthError in_mem_redirect_unavailable.)
      cacheLocation: "sessionStorage",
    },
    system: {
      // No WAM / platform broker in an extension page.
      allowPlatformBroker: false,
      loggerOptions: { piiLoggingEnabled: false },
    },
  };
}
