import { type ConsentResult, grantAdminConsent } from "../../identity/consent";
import { appRoleAssignmentId, isoTicks } from "../graph-ids";
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
 * Admin consent given before the test began, through the identity platform's own
 * `grantAdminConsent` (the enterprise application plus one `AllPrincipals` grant to Microsoft
 * Graph). The generator first writes the enterprise application with every v1.0 property, which
 * `grantAdminConsent` then reuses; ids come from the seeded stream so tenants stay deterministic.
 */
function writeAdminConsent(
  tenant: EmulatedTenant,
  app: AppRegistration,
  scopes: readonly string[],
  rng: SeededRandom,
  publisherName: string | null,
): ConsentResult {
  if (!findServicePrincipalByAppId(tenant, app.appId)) {
    putObject(
      tenant,
      "servicePrincipals",
      buildAppServicePrincipal(app, rng.guid(), publisherName),
    );
  }
  return grantAdminConsent(tenant, app, scopes, () => rng.guid());
}

/**
 * Application permissions granted by admin consent: one appRoleAssignment per app role, from the
 * app's service principal to Microsoft Graph (what `servicePrincipals/{graph}/appRoleAssignedTo` lists).
 */
function grantAppRoles(
  tenant: EmulatedTenant,
  app: AppRegistration,
  servicePrincipal: GraphObject,
  rng: SeededRandom,
  nowMs: number,
): GraphObject[] {
  const graph = findGraphServicePrincipal(tenant);
  if (!graph) return [];
  const appRoles = graph.appRoles as { id: string; value: string }[];
  return app.requiredAppRoles.map((value) => {
    const role = appRoles.find((candidate) => candidate.value === value);
    if (!role)
      throw new InvalidTenantSpecError(
        `App ${app.appId} requires unknown Microsoft Graph app role ${value}`,
      );
    const assignment: GraphObject = {
      id: appRoleAssignmentId(servicePrincipal.id, [
        rng.nextUint32(),
        rng.nextUint32(),
        rng.nextUint32(),
        rng.nextUint32(),
      ]),
      deletedDateTime: null,
      appRoleId: role.id,
      createdDateTime: isoTicks(rng.daysBefore(nowMs, 1, 300), rng.int(0, 9999)),
      principalDisplayName: servicePrincipal.displayName,
      principalId: servicePrincipal.id,
      principalType: "ServicePrincipal",
      resourceDisplayName: graph.displayName,
      resourceId: graph.id,
    };
    putObject(tenant, "appRoleAssignments", assignment);
    return assignment;
  });
}

/** Puts a tenant in the requested consent state for one app. */
export function applyConsentState(
  tenant: EmulatedTenant,
  app: AppRegistration,
  consent: ConsentSpec,
  rng: SeededRandom,
  publisherName: string | null,
  nowMs: number,
): void {
  if (consent.state === "notGranted") return;
  let scopes = app.requiredDelegatedScopes;
  if (consent.state === "missingScopes") {
    const missing = new Set(consent.missingScopes ?? []);
    if (missing.size === 0) {
      throw new InvalidTenantSpecError(
        `consent for ${app.appId}: "missingScopes" needs missingScopes`,
      );
    }
    scopes = scopes.filter((scope) => !missing.has(scope));
  }
  const { servicePrincipal, grant } = writeAdminConsent(tenant, app, scopes, rng, publisherName);
  const assignments = grantAppRoles(tenant, app, servicePrincipal, rng, nowMs);
  if (consent.state === "servicePrincipalDeleted") {
    // Deleting an enterprise app removes its grants and role assignments too; the change log keeps the removals.
    for (const assignment of assignments) removeObject(tenant, "appRoleAssignments", assignment.id);
    removeObject(tenant, "oauth2PermissionGrants", grant.id);
    removeObject(tenant, "servicePrincipals", servicePrincipal.id);
  }
}
