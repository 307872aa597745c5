import { GRAPH_APP_ID } from "../identity/access-token";
import { generateDirectoryAudits } from "./generate/audits";
import { generateAuthentication } from "./generate/authentication";
import { generateConditionalAccess } from "./generate/conditional-access";
import { applyConsentState } from "./generate/consent";
import type { GenerationContext } from "./generate/context";
import { generateDevices } from "./generate/devices";
import { addWindowsDevicesGroup, generateGroups } from "./generate/groups";
import { generateSubscribedSkus, storeSubscribedSkus } from "./generate/licences";
import { generateOrganization } from "./generate/organization";
import { linkCustomer } from "./generate/partner";
import { generateRoles } from "./generate/roles";
import { generateSecureScore } from "./generate/secure-score";
import {
  addGraphServicePrincipal,
  addThirdPartyServicePrincipals,
} from "./generate/service-principals";
import { generateUsers } from "./generate/users";
import { isoSeconds } from "./graph-ids";
import { type CloudState, type EmulatedTenant, emptyDirectory } from "./model";
import { SeededRandom } from "./random";
import {
  InvalidTenantSpecError,
  type ResolvedTenantSpec,
  resolveTenantSpec,
  type TenantSpec,
} from "./tenant-spec";

/**
 * Generates a tenant from a spec, adds it to `state.tenants` and returns it. Deterministic: the
 * same spec (seed, sizes, "now") gives a deep-equal tenant. Apps referenced by `spec.consent` must
 * already be in `state.apps`; without `spec.consent` every registered app is consented.
 */
export function createTenant(state: CloudState, input: TenantSpec): EmulatedTenant {
  const spec = resolveTenantSpec(input);
  const initialDomain = `${spec.domainPrefix}.onmicrosoft.com`;
  const rng = new SeededRandom(spec.seed, initialDomain);
  const id = spec.id ?? rng.guid();
  assertFitsInto(state, spec, id, initialDomain);
  const verifiedDomains = spec.customDomain
    ? [initialDomain, spec.customDomain.toLowerCase()]
    : [initialDomain];
  const tenant: EmulatedTenant = {
    id,
    displayName: spec.displayName,
    initialDomain,
    verifiedDomains,
    kind: spec.kind,
    licensing: { entraIdP1: false, entraIdP2: false, intune: false },
    securityDefaultsEnabled: false,
    createdDateTime: isoSeconds(rng.daysBefore(spec.nowMs, 400, 3000)),
    ...emptyDirectory(),
  };
  if (spec.partner)
    tenant.partner = {
      tenantId: spec.partner.tenantId,
      delegatedAdminUserIds: [...spec.partner.delegatedAdminUserIds],
    };
  const context: GenerationContext = {
    tenant,
    spec,
    rng,
    nowMs: spec.nowMs,
    mailDomain: verifiedDomains[verifiedDomains.length - 1] ?? initialDomain,
  };

  const { skus, licensing } = generateSubscribedSkus(context);
  tenant.licensing = licensing;
  // Microsoft turns security defaults on for new tenants; P1 tenants usually replace them with Conditional Access.
  tenant.securityDefaultsEnabled = spec.securityDefaultsEnabled ?? !licensing.entraIdP1;

  const users = generateUsers(context, skus);
  storeSubscribedSkus(context, skus, users.members);
  const groups = generateGroups(context, users);
  addGraphServicePrincipal(tenant, rng);
  const thirdParty = addThirdPartyServicePrincipals(tenant, rng, spec.users >= 10 ? 3 : 1);
  const roles = generateRoles(context, users, thirdParty);
  generateAuthentication(context, users, roles.adminUserIds);
  generateDevices(context, users);
  if (licensing.intune && tenant.collections.devices.size > 0) {
    addWindowsDevicesGroup(context, [...tenant.collections.devices.values()]);
  }
  const posture = generateConditionalAccess(context, users);
  generateSecureScore(context, users, posture);

  for (const consent of spec.consent ??
    [...state.apps.keys()].map((appId) => ({ appId, state: "granted" as const }))) {
    const app = state.apps.get(consent.appId);
    if (!app) continue; // checked by assertFitsInto
    const publisher =
      app.homeTenantId === id
        ? tenant.displayName
        : (state.tenants.get(app.homeTenantId)?.displayName ?? null);
    applyConsentState(tenant, app, consent, rng, publisher, spec.nowMs);
  }

  const roleNames = [...tenant.collections.directoryRoles.values()].map((role) =>
    String(role.displayName),
  );
  generateDirectoryAudits(context, users, {
    adminUserIds: roles.adminUserIds,
    groups: groups.map((group) => group.object),
    devices: [...tenant.collections.devices.values()],
    servicePrincipals: [...tenant.collections.servicePrincipals.values()].filter(
      (sp) => sp.appId !== GRAPH_APP_ID,
    ),
    roleNames,
  });
  const directoryObjects =
    tenant.collections.users.size +
    tenant.collections.groups.size +
    tenant.collections.devices.size +
    tenant.collections.servicePrincipals.size;
  generateOrganization(context, skus, directoryObjects, spec.onPremisesSyncedShare > 0);

  state.tenants.set(id, tenant);
  if (spec.partner) {
    const partner = state.tenants.get(spec.partner.tenantId);
    if (partner) linkCustomer(partner, tenant, rng, spec.nowMs);
  }
  return tenant;
}

/** Fails fast, before any generation, when the spec collides with or refers outside `state`. */
function assertFitsInto(
  state: CloudState,
  spec: ResolvedTenantSpec,
  id: string,
  initialDomain: string,
): void {
  if (state.tenants.has(id))
    throw new InvalidTenantSpecError(`A tenant with id ${id} already exists`);
  for (const existing of state.tenants.values()) {
    if (existing.initialDomain === initialDomain)
      throw new InvalidTenantSpecError(`The domain ${initialDomain} is already taken`);
  }
  if (spec.partner && !state.tenants.has(spec.partner.tenantId)) {
    throw new InvalidTenantSpecError(
      `Partner tenant ${spec.partner.tenantId} does not exist; create it first`,
    );
  }
  for (const consent of spec.consent ?? []) {
    if (!state.apps.has(consent.appId))
      throw new InvalidTenantSpecError(
        `consent: no app registration ${consent.appId} in the emulator`,
      );
  }
}
