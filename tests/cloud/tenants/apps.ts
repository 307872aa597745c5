import {
  DEMO_CONFIDENTIAL_APP_ID,
  DEMO_CONFIDENTIAL_APP_NAME,
  DEMO_CONFIDENTIAL_APP_ROLES,
  DEMO_CONFIDENTIAL_APP_SECRET,
  DEMO_CONFIDENTIAL_REDIRECT_URIS,
  DEMO_SPA_APP_ID,
  DEMO_SPA_APP_NAME,
  DEMO_SPA_REDIRECT_URIS,
  DEMO_SPA_SCOPES,
  DEMO_TENANTS,
} from "./demo-constants";
import type { AppRegistration } from "./model";

/**
 * The two app registrations every scenario knows, both registered in the demo partner tenant:
 * the tenantlens SPA (multi-tenant, public client, PKCE, read-only delegated scopes) and a
 * confidential app with a client secret for scripts and benchmarks.
 */
export function demoAppRegistrations(): Map<string, AppRegistration> {
  const spa: AppRegistration = {
    appId: DEMO_SPA_APP_ID,
    displayName: DEMO_SPA_APP_NAME,
    homeTenantId: DEMO_TENANTS.partner.id,
    spaRedirectUris: [...DEMO_SPA_REDIRECT_URIS],
    webRedirectUris: [],
    publicClientRedirectUris: [],
    clientSecrets: [],
    requiredDelegatedScopes: [...DEMO_SPA_SCOPES],
    requiredAppRoles: [],
  };
  const confidential: AppRegistration = {
    appId: DEMO_CONFIDENTIAL_APP_ID,
    displayName: DEMO_CONFIDENTIAL_APP_NAME,
    homeTenantId: DEMO_TENANTS.partner.id,
    spaRedirectUris: [],
    webRedirectUris: [...DEMO_CONFIDENTIAL_REDIRECT_URIS],
    publicClientRedirectUris: [],
    clientSecrets: [DEMO_CONFIDENTIAL_APP_SECRET],
    requiredDelegatedScopes: [...DEMO_SPA_SCOPES],
    requiredAppRoles: [...DEMO_CONFIDENTIAL_APP_ROLES],
  };
  return new Map([
    [spa.appId, spa],
    [confidential.appId, confidential],
  ]);
}
