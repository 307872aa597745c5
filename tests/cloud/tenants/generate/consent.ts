import { permissionGrantId } from "../graph-ids";
import {
  type AppRegistration,
  type EmulatedTenant,
  type GraphObject,
  putObject,
  removeObject,
} from "../model";
import type { SeededRandom } from "../random";
import type { ConsentSpec } from "../tenant-spec";
import { InvalidTenantSpecError } from "../tenant-spec";
import {
  buildAppServicePrincipal,
  findGraphServicePrincipal,
  findServicePrincipalByAppId,
} from "./service-principals";

/**
 * Admin consent as Microsoft Entra records it: the app's enterprise application (service
 * principal) in the tenant, and one `AllPrincipals` oauth2PermissionGrant from it to Microsoft
 * Graph listing the granted scopes, space-separated. Same effect as the identity platform's
 * consent flow; the generator uses it to set up tenants that were consented before the test began.
 */
export function writeAdminConsent(
  tenant: EmulatedTenant,
  app: AppRegistration,
  scopes: readonly string[],
  rng: SeededRandom,
  publisherName: string | null,
): { servicePrincipal: GraphObject; grant: GraphObject } {
  const graph = findGraphServicePrincipal(tenant);
  if (!graph) throw new Error(`Tenant ${tenant.id} has no Microsoft Graph service principal`);
  let sp = findServicePrincipalByAppId(tenant, app.appId);
  if (!sp) {
    sp = buildAppServicePrincipal(app, rng.guid(), publisherName);
    putObject(tenant, "servicePrincipals", sp);
  }
  const grant: GraphObject = {
    id: permissionGrantId(sp.id, graph.id, null),
    clientId: sp.id,
    consentType: "AllPrincipals",
    principalId: null,
    resourceId: graph.id,
    scope: scopes.join(" "),
  };
  putObject(tenant, "oauth2PermissionGrants", grant);
  return { servicePrincipal: sp, grant };
}

/** Puts a tenant in the requested consent state for one app. */
export function applyConsentState(
  tenant: EmulatedTenant,
  app: AppRegistration,
  consent: ConsentSpec,
  rng: SeededRandom,
  publisherName: string | null,
): void {
  switch (consent.state) {
    case "notGranted":
      return;
    case "granted":
      writeAdminConsent(tenant, app, app.requiredDelegatedScopes, rng, publisherName);
      return;
    case "missingScopes": {
      const missing = new Set(consent.missingScopes ?? []);
      if (missing.size === 0)
        throw new InvalidTenantSpecError(
          `consent for ${app.appId}: "missingScopes" needs missingScopes`,
        );
      writeAdminConsent(
        tenant,
        app,
        app.requiredDelegatedScopes.filter((scope) => !missing.has(scope)),
        rng,
        publisherName,
      );
      return;
    }
    case "servicePrincipalDeleted": {
      // Deleting an enterprise app removes its grants too; the change log keeps both removals.
      const { servicePrincipal, grant } = writeAdminConsent(
        tenant,
        app,
        app.requiredDelegatedScopes,
        rng,
        publisherName,
      );
      removeObject(tenant, "oauth2PermissionGrants", grant.id);
      removeObject(tenant, "servicePrincipals", servicePrincipal.id);
      return;
    }
  }
}
