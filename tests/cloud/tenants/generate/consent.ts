import { grantAdminConsent } from "../../identity/consent";
import {
  type AppRegistration,
  type CloudState,
  type EmulatedTenant,
  type GraphObject,
  putObject,
  removeObject,
} from "../model";
import type { SeededRandom } from "../random";
import type { ConsentSpec } from "../tenant-spec";
import { InvalidTenantSpecError } from "../tenant-spec";
import { buildAppServicePrincipal, findServicePrincipalByAppId } from "./service-principals";

/**
 * Admin consent given before the test began, through the identity platform's own
 * `grantAdminConsent` (the enterprise application plus one `AllPrincipals` grant to Microsoft
 * Graph). The generator first writes the enterprise application with every v1.0 property, which
 * `grantAdminConsent` then reuses; ids come from the seeded stream so tenants stay deterministic.
 */
export function writeAdminConsent(
  state: CloudState,
  tenant: EmulatedTenant,
  app: AppRegistration,
  scopes: readonly string[],
  rng: SeededRandom,
  publisherName: string | null,
): { servicePrincipal: GraphObject; grant: GraphObject } {
  if (!findServicePrincipalByAppId(tenant, app.appId)) {
    putObject(
      tenant,
      "servicePrincipals",
      buildAppServicePrincipal(app, rng.guid(), publisherName),
    );
  }
  return grantAdminConsent(state, tenant, app, scopes, () => rng.guid());
}

/** Puts a tenant in the requested consent state for one app. */
export function applyConsentState(
  state: CloudState,
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
      writeAdminConsent(state, tenant, app, app.requiredDelegatedScopes, rng, publisherName);
      return;
    case "missingScopes": {
      const missing = new Set(consent.missingScopes ?? []);
      if (missing.size === 0)
        throw new InvalidTenantSpecError(
          `consent for ${app.appId}: "missingScopes" needs missingScopes`,
        );
      writeAdminConsent(
        state,
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
        state,
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
