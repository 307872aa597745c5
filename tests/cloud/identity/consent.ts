import { randomUUID } from "node:crypto";
import {
  type AppRegistration,
  type EmulatedTenant,
  type GraphObject,
  putObject,
} from "../tenants/model";
import { GRAPH_APP_ID } from "./access-token";
import { includesScope } from "./scopes";

/**
 * Consent as Entra ID records it, pure on one `EmulatedTenant`: an app is usable in a tenant once
 * that tenant holds its service principal (the "enterprise application") and oauth2PermissionGrants
 * from it to the Microsoft Graph service principal. Admin consent writes one `AllPrincipals`
 * grant; user consent a `Principal` grant for that user.
 */

/** The bytes of a GUID in .NET's layout (first three groups little-endian), as Entra encodes ids. */
function guidBytes(guid: string): Buffer {
  const hex = guid.replace(/-/g, "");
  const bytes = Buffer.from(hex, "hex");
  const swap = (start: number, length: number) =>
    Buffer.from(bytes.subarray(start, start + length)).reverse();
  return Buffer.concat([swap(0, 4), swap(4, 2), swap(6, 2), bytes.subarray(8)]);
}

/**
 * Grant ids are base64url(clientId ‖ resourceId [‖ principalId]) — compare the sample
 * `oauth2permissiongrants-list.json`, whose id decodes to its clientId and resourceId.
 */
export function oauth2PermissionGrantId(
  clientId: string,
  resourceId: string,
  principalId: string | null,
): string {
  const parts = [guidBytes(clientId), guidBytes(resourceId)];
  if (principalId) parts.push(guidBytes(principalId));
  return Buffer.concat(parts).toString("base64url");
}

export function findServicePrincipalByAppId(
  tenant: EmulatedTenant,
  appId: string,
): GraphObject | undefined {
  for (const sp of tenant.collections.servicePrincipals.values()) {
    if (sp.appId === appId) return sp;
  }
  return undefined;
}

function servicePrincipalObject(
  id: string,
  app: { appId: string; displayName: string; homeTenantId: string },
  replyUrls: string[],
): GraphObject {
  // Property set of a Graph `servicePrincipal` (see serviceprincipals-list.json).
  return {
    id,
    deletedDateTime: null,
    accountEnabled: true,
    appDisplayName: app.displayName,
    appId: app.appId,
    appOwnerOrganizationId: app.homeTenantId,
    appRoleAssignmentRequired: false,
    displayName: app.displayName,
    homepage: null,
    logoutUrl: null,
    publisherName: app.displayName,
    replyUrls,
    servicePrincipalNames: [app.appId],
    servicePrincipalType: "Application",
    signInAudience: "AzureADMultipleOrgs",
    tags: ["WindowsAzureActiveDirectoryIntegratedApp"],
    addIns: [],
    appRoles: [],
    info: {
      termsOfServiceUrl: null,
      supportUrl: null,
      privacyStatementUrl: null,
      marketingUrl: null,
      logoUrl: null,
    },
    keyCredentials: [],
    oauth2PermissionScopes: [],
    passwordCredentials: [],
  };
}

/** Every tenant has Microsoft Graph's service principal; create it where a scenario left it out. */
export function ensureGraphServicePrincipal(
  tenant: EmulatedTenant,
  newId: () => string = randomUUID,
): GraphObject {
  const existing = findServicePrincipalByAppId(tenant, GRAPH_APP_ID);
  if (existing) return existing;
  const sp = servicePrincipalObject(
    newId(),
    {
      appId: GRAPH_APP_ID,
      displayName: "Microsoft Graph",
      homeTenantId: "f8cdef31-a31e-4b4a-93e4-5f571e91255a",
    },
    [],
  );
  sp.publisherName = "Microsoft Services";
  putObject(tenant, "servicePrincipals", sp);
  return sp;
}

export function ensureServicePrincipal(
  tenant: EmulatedTenant,
  app: AppRegistration,
  newId: () => string = randomUUID,
): GraphObject {
  const existing = findServicePrincipalByAppId(tenant, app.appId);
  if (existing) return existing;
  const sp = servicePrincipalObject(newId(), app, [
    ...app.spaRedirectUris,
    ...app.webRedirectUris,
    ...app.publicClientRedirectUris,
  ]);
  putObject(tenant, "servicePrincipals", sp);
  return sp;
}

function mergeScopes(existing: unknown, added: readonly string[]): string {
  const scopes = typeof existing === "string" ? existing.split(" ").filter(Boolean) : [];
  for (const scope of added) if (!includesScope(scopes, scope)) scopes.push(scope);
  return scopes.join(" ");
}

export interface ConsentResult {
  servicePrincipal: GraphObject;
  grant: GraphObject;
}

function upsertGrant(
  tenant: EmulatedTenant,
  clientId: string,
  resourceId: string,
  principalId: string | null,
  scopes: readonly string[],
): GraphObject {
  const id = oauth2PermissionGrantId(clientId, resourceId, principalId);
  const existing = tenant.collections.oauth2PermissionGrants.get(id);
  const grant: GraphObject = {
    clientId,
    consentType: principalId ? "Principal" : "AllPrincipals",
    id,
    principalId,
    resourceId,
    scope: mergeScopes(existing?.scope, scopes),
  };
  putObject(tenant, "oauth2PermissionGrants", grant);
  return grant;
}

/**
 * Tenant-wide admin consent: the app's service principal plus an `AllPrincipals` grant to
 * Microsoft Graph holding `scopes` (Graph permission names, e.g. `User.Read.All`).
 */
export function grantAdminConsent(
  tenant: EmulatedTenant,
  app: AppRegistration,
  scopes: readonly string[],
  newId: () => string = randomUUID,
): ConsentResult {
  const graph = ensureGraphServicePrincipal(tenant, newId);
  const servicePrincipal = ensureServicePrincipal(tenant, app, newId);
  const grant = upsertGrant(tenant, servicePrincipal.id, graph.id, null, scopes);
  return { servicePrincipal, grant };
}

/** A user consenting for themselves: a `Principal` grant for that user only. */
export function grantUserConsent(
  tenant: EmulatedTenant,
  app: AppRegistration,
  userId: string,
  scopes: readonly string[],
  newId: () => string = randomUUID,
): ConsentResult {
  const graph = ensureGraphServicePrincipal(tenant, newId);
  const servicePrincipal = ensureServicePrincipal(tenant, app, newId);
  const grant = upsertGrant(tenant, servicePrincipal.id, graph.id, userId, scopes);
  return { servicePrincipal, grant };
}

/**
 * Graph permissions `userId` holds through `appId` in `tenant` (tenant-wide grants plus their own),
 * or `undefined` when the tenant has no service principal for the app at all.
 */
export function grantedGraphScopes(
  tenant: EmulatedTenant,
  appId: string,
  userId: string | null,
): string[] | undefined {
  const sp = findServicePrincipalByAppId(tenant, appId);
  if (!sp) return undefined;
  const graph = findServicePrincipalByAppId(tenant, GRAPH_APP_ID);
  const scopes: string[] = [];
  for (const grant of tenant.collections.oauth2PermissionGrants.values()) {
    if (grant.clientId !== sp.id) continue;
    if (graph && grant.resourceId !== graph.id) continue;
    const applies =
      grant.consentType === "AllPrincipals" ||
      (userId !== null && grant.consentType === "Principal" && grant.principalId === userId);
    if (!applies || typeof grant.scope !== "string") continue;
    for (const scope of grant.scope.split(" ").filter(Boolean)) {
      if (!includesScope(scopes, scope)) scopes.push(scope);
    }
  }
  return scopes;
}
