import { GRAPH_APP_ID } from "../../identity/access-token";
import {
  GRAPH_APPLICATION_PERMISSIONS,
  GRAPH_DELEGATED_PERMISSIONS,
} from "../catalog/graph-permissions";
import type { AppRegistration, EmulatedTenant, GraphObject } from "../model";
import type { SeededRandom } from "../random";
import { EMPTY, seedObject } from "./context";

/** Microsoft's own tenant, which owns first-party apps such as Microsoft Graph. */
export const MICROSOFT_SERVICES_TENANT_ID = "f8cdef31-a31e-4b4a-93e4-5f571e91255a";

const NO_INFO = Object.freeze({
  termsOfServiceUrl: null,
  supportUrl: null,
  privacyStatementUrl: null,
  marketingUrl: null,
  logoUrl: null,
});
const NO_SAML = null;

interface ServicePrincipalFields {
  id: string;
  appId: string;
  displayName: string;
  appOwnerOrganizationId: string;
  publisherName: string | null;
  servicePrincipalNames: readonly string[];
  replyUrls: readonly string[];
  appRoles: readonly object[];
  oauth2PermissionScopes: readonly object[];
  signInAudience: string;
  tags: readonly string[];
}

/** Every v1.0 `servicePrincipal` property (serviceprincipals-list.json shape plus the rest). */
function servicePrincipal(fields: ServicePrincipalFields): GraphObject {
  return {
    id: fields.id,
    deletedDateTime: null,
    accountEnabled: true,
    addIns: EMPTY,
    alternativeNames: EMPTY,
    appDescription: null,
    appDisplayName: fields.displayName,
    appId: fields.appId,
    applicationTemplateId: null,
    appOwnerOrganizationId: fields.appOwnerOrganizationId,
    appRoleAssignmentRequired: false,
    appRoles: fields.appRoles,
    description: null,
    disabledByMicrosoftStatus: null,
    displayName: fields.displayName,
    homepage: null,
    info: NO_INFO,
    keyCredentials: EMPTY,
    loginUrl: null,
    logoutUrl: null,
    notes: null,
    notificationEmailAddresses: EMPTY,
    oauth2PermissionScopes: fields.oauth2PermissionScopes,
    passwordCredentials: EMPTY,
    preferredSingleSignOnMode: null,
    preferredTokenSigningKeyThumbprint: null,
    publisherName: fields.publisherName,
    replyUrls: fields.replyUrls,
    resourceSpecificApplicationPermissions: EMPTY,
    samlSingleSignOnSettings: NO_SAML,
    servicePrincipalNames: fields.servicePrincipalNames,
    servicePrincipalType: "Application",
    signInAudience: fields.signInAudience,
    tags: fields.tags,
    tokenEncryptionKeyId: null,
    verifiedPublisher: { displayName: null, verifiedPublisherId: null, addedDateTime: null },
  };
}

const GRAPH_APP_ROLES = Object.freeze(
  GRAPH_APPLICATION_PERMISSIONS.map((permission) =>
    Object.freeze({
      allowedMemberTypes: ["Application"],
      description: permission.description,
      displayName: permission.displayName,
      id: permission.id,
      isEnabled: true,
      origin: "Application",
      value: permission.value,
    }),
  ),
);

const GRAPH_SCOPES = Object.freeze(
  GRAPH_DELEGATED_PERMISSIONS.map((permission) =>
    Object.freeze({
      adminConsentDescription: permission.description,
      adminConsentDisplayName: permission.displayName,
      id: permission.id,
      isEnabled: true,
      type: permission.type,
      // The catalogue lists the admin wording; users see the same text for these read scopes.
      userConsentDescription: permission.description,
      userConsentDisplayName: permission.displayName,
      value: permission.value,
    }),
  ),
);

/** Every tenant holds Microsoft Graph's service principal: grants point at it as their resource. */
export function addGraphServicePrincipal(tenant: EmulatedTenant, rng: SeededRandom): GraphObject {
  const object = servicePrincipal({
    id: rng.guid(),
    appId: GRAPH_APP_ID,
    displayName: "Microsoft Graph",
    appOwnerOrganizationId: MICROSOFT_SERVICES_TENANT_ID,
    publisherName: "Microsoft Services",
    servicePrincipalNames: [
      "https://graph.microsoft.com/",
      "https://graph.microsoft.com",
      GRAPH_APP_ID,
      "https://canary.graph.microsoft.com",
      "https://ags.windows.net",
    ],
    replyUrls: EMPTY,
    appRoles: GRAPH_APP_ROLES,
    oauth2PermissionScopes: GRAPH_SCOPES,
    signInAudience: "AzureADMultipleOrgs",
    tags: EMPTY,
  });
  seedObject(tenant, "servicePrincipals", object);
  return object;
}

export function findGraphServicePrincipal(tenant: EmulatedTenant): GraphObject | undefined {
  for (const sp of tenant.collections.servicePrincipals.values())
    if (sp.appId === GRAPH_APP_ID) return sp;
  return undefined;
}

export function findServicePrincipalByAppId(
  tenant: EmulatedTenant,
  appId: string,
): GraphObject | undefined {
  for (const sp of tenant.collections.servicePrincipals.values()) if (sp.appId === appId) return sp;
  return undefined;
}

/** The enterprise application a registered app gets in a tenant when it is consented there. */
export function buildAppServicePrincipal(
  app: AppRegistration,
  id: string,
  publisherName: string | null,
): GraphObject {
  return servicePrincipal({
    id,
    appId: app.appId,
    displayName: app.displayName,
    appOwnerOrganizationId: app.homeTenantId,
    publisherName,
    servicePrincipalNames: [app.appId],
    replyUrls: [...app.spaRedirectUris, ...app.webRedirectUris, ...app.publicClientRedirectUris],
    appRoles: EMPTY,
    oauth2PermissionScopes: EMPTY,
    signInAudience: "AzureADMultipleOrgs",
    tags: ["WindowsAzureActiveDirectoryIntegratedApp"],
  });
}

/** Line-of-business and third-party apps found in a typical tenant; some hold directory roles. */
const THIRD_PARTY_APPS = [
  { displayName: "HR Sync Connector", publisherName: "Contoso HR Systems" },
  { displayName: "Cloud Backup for Microsoft 365", publisherName: "Backupify Partners" },
  { displayName: "Helpdesk Ticketing Integration", publisherName: "Ticketeer Ltd" },
  { displayName: "Zoom", publisherName: "Zoom Video Communications, Inc." },
] as const;

export function addThirdPartyServicePrincipals(
  tenant: EmulatedTenant,
  rng: SeededRandom,
  count: number,
): GraphObject[] {
  const added: GraphObject[] = [];
  for (const app of THIRD_PARTY_APPS.slice(0, count)) {
    const appId = rng.guid();
    const object = servicePrincipal({
      id: rng.guid(),
      appId,
      displayName: app.displayName,
      appOwnerOrganizationId: rng.guid(),
      publisherName: app.publisherName,
      servicePrincipalNames: [appId],
      replyUrls: EMPTY,
      appRoles: EMPTY,
      oauth2PermissionScopes: EMPTY,
      signInAudience: "AzureADMultipleOrgs",
      tags: ["WindowsAzureActiveDirectoryIntegratedApp"],
    });
    seedObject(tenant, "servicePrincipals", object);
    added.push(object);
  }
  return added;
}
