import { randomUUID } from "node:crypto";
import { EXTENSION_REDIRECT_URI } from "../../../../shared/src/extension-identity";
import {
  type AppRegistration,
  type CloudState,
  type EmulatedTenant,
  emptyDirectory,
  putObject,
} from "../../tenants/model";
import { grantAdminConsent } from "../consent";

/**
 * A small, hand-made directory for the identity tests, independent of the scenario generator:
 * a CSP partner with two customers (one consented, one not) and a standalone tenant.
 */
export const PASSWORD = "Correct-Horse-7";
export const GLOBAL_ADMIN_ROLE = "62e90394-69f5-4237-9190-012177145e10";
export const SPA_REDIRECT = "https://app.tenantlens.test/";
export const WEB_REDIRECT = "http://localhost:8400/callback";
export const GRAPH_SCOPES = ["User.Read", "User.Read.All", "AuditLog.Read.All"];

export interface TestUser {
  id: string;
  upn: string;
  tenantId: string;
}

export interface TestWorld {
  spaApp: AppRegistration;
  webApp: AppRegistration;
  webSecret: string;
  partner: EmulatedTenant;
  consented: EmulatedTenant;
  unconsented: EmulatedTenant;
  standalone: EmulatedTenant;
  users: {
    partnerAdmin: TestUser;
    partnerTechnician: TestUser;
    partnerUser: TestUser;
    customerUser: TestUser;
    customerAdmin: TestUser;
    standaloneAdmin: TestUser;
    standaloneUser: TestUser;
  };
}

function tenant(domain: string, kind: EmulatedTenant["kind"]): EmulatedTenant {
  return {
    id: randomUUID(),
    displayName: domain,
    initialDomain: `${domain}.onmicrosoft.com`,
    verifiedDomains: [`${domain}.onmicrosoft.com`, `${domain}.test`],
    kind,
    licensing: { entraIdP1: true, entraIdP2: false, intune: true },
    securityDefaultsEnabled: false,
    createdDateTime: "2020-01-01T00:00:00Z",
    ...emptyDirectory(),
  };
}

function user(
  t: EmulatedTenant,
  name: string,
  options: { admin?: boolean; enabled?: boolean } = {},
): TestUser {
  const id = randomUUID();
  const upn = `${name}@${t.initialDomain}`;
  putObject(t, "users", {
    id,
    displayName: name,
    userPrincipalName: upn,
    accountEnabled: options.enabled ?? true,
    userType: "Member",
  });
  t.passwords.set(id, PASSWORD);
  if (options.admin) {
    putObject(t, "roleAssignments", {
      id: randomUUID(),
      principalId: id,
      roleDefinitionId: GLOBAL_ADMIN_ROLE,
      directoryScopeId: "/",
    });
  }
  return { id, upn, tenantId: t.id };
}

export function addTestWorld(state: CloudState): TestWorld {
  const spaApp: AppRegistration = {
    appId: randomUUID(),
    displayName: "tenantlens test SPA",
    homeTenantId: "",
    spaRedirectUris: [SPA_REDIRECT, EXTENSION_REDIRECT_URI, "http://localhost"],
    webRedirectUris: [],
    publicClientRedirectUris: [],
    clientSecrets: [],
    requiredDelegatedScopes: GRAPH_SCOPES,
    requiredAppRoles: [],
  };
  const webSecret = "Web~secret-for-tests";
  const webApp: AppRegistration = {
    appId: randomUUID(),
    displayName: "tenantlens test web app",
    homeTenantId: "",
    spaRedirectUris: [],
    webRedirectUris: [WEB_REDIRECT],
    publicClientRedirectUris: [],
    clientSecrets: [webSecret],
    // Reading service principals and grants through Graph needs these two as well.
    requiredDelegatedScopes: [...GRAPH_SCOPES, "Application.Read.All", "Directory.Read.All"],
    requiredAppRoles: ["User.Read.All", "Application.ReadWrite.All"],
  };
  const partner = tenant("partnermsp", "partner");
  const consented = tenant("consentedcustomer", "customer");
  const unconsented = tenant("newcustomer", "customer");
  const standalone = tenant("standalone", "standalone");
  spaApp.homeTenantId = partner.id;
  webApp.homeTenantId = partner.id;

  const users = {
    partnerAdmin: user(partner, "admin", { admin: true }),
    partnerTechnician: user(partner, "technician"),
    partnerUser: user(partner, "sales"),
    customerUser: user(consented, "alice"),
    customerAdmin: user(consented, "carol", { admin: true }),
    standaloneAdmin: user(standalone, "admin", { admin: true }),
    standaloneUser: user(standalone, "bob"),
  };
  const gdap = [users.partnerAdmin.id, users.partnerTechnician.id];
  consented.partner = { tenantId: partner.id, delegatedAdminUserIds: gdap };
  unconsented.partner = { tenantId: partner.id, delegatedAdminUserIds: gdap };

  for (const t of [partner, consented, unconsented, standalone]) state.tenants.set(t.id, t);
  state.apps.set(spaApp.appId, spaApp);
  state.apps.set(webApp.appId, webApp);
  for (const t of [partner, consented]) {
    grantAdminConsent(t, spaApp, GRAPH_SCOPES);
    grantAdminConsent(t, webApp, GRAPH_SCOPES);
  }
  return { spaApp, webApp, webSecret, partner, consented, unconsented, standalone, users };
}
