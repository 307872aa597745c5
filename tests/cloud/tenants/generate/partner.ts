import { ROLE_TEMPLATES } from "../catalog/role-templates";
import { DAY_MS, isoTicks } from "../graph-ids";
import type { EmulatedTenant, GraphObject } from "../model";
import type { SeededRandom } from "../random";
import { seedObject } from "./context";

/**
 * Records a CSP customer in its partner's tenant: a `contract` (what `GET /contracts` lists) and a
 * `delegatedAdminCustomer` (`GET /tenantRelationships/delegatedAdminCustomers`, GDAP). The
 * customer side (`tenant.partner`) says which partner users hold delegated admin there.
 */
export function linkCustomer(
  partner: EmulatedTenant,
  customer: EmulatedTenant,
  rng: SeededRandom,
  nowMs: number,
): void {
  const defaultDomainName =
    customer.verifiedDomains.find((domain) => domain !== customer.initialDomain) ??
    customer.initialDomain;
  const contract: GraphObject = {
    id: rng.guid(),
    deletedDateTime: null,
    contractType: rng.chance(0.8) ? "ResellerPartner" : "SyndicationPartner",
    customerId: customer.id,
    defaultDomainName,
    displayName: customer.displayName,
  };
  seedObject(partner, "contracts", contract);
  const etag = Buffer.from(
    `"${rng.guid().slice(0, 8)}-0000-0200-0000-${rng.chars("0123456789abcdef", 12)}"`,
  ).toString("base64");
  const delegatedAdminCustomer: GraphObject = {
    "@odata.type": "#microsoft.graph.delegatedAdminCustomer",
    "@odata.etag": `W/"${etag}"`,
    id: customer.id,
    tenantId: customer.id,
    displayName: customer.displayName,
  };
  seedObject(partner, "delegatedAdminCustomers", delegatedAdminCustomer);
  seedObject(partner, "delegatedAdminRelationships", relationship(customer, rng, nowMs, etag));
}

/** Least-privileged roles MSPs request in GDAP relationships (Microsoft's partner guidance). */
const GDAP_ROLES = [
  ROLE_TEMPLATES.globalReader,
  ROLE_TEMPLATES.helpdeskAdministrator,
  ROLE_TEMPLATES.userAdministrator,
  ROLE_TEMPLATES.exchangeAdministrator,
  ROLE_TEMPLATES.securityReader,
  ROLE_TEMPLATES.licenseAdministrator,
  ROLE_TEMPLATES.privilegedAuthenticationAdministrator,
  ROLE_TEMPLATES.intuneAdministrator,
  ROLE_TEMPLATES.serviceSupportAdministrator,
] as const;

/** An active two-year GDAP relationship that renews for 180 days (delegatedadminrelationships-list.json shape). */
function relationship(
  customer: EmulatedTenant,
  rng: SeededRandom,
  nowMs: number,
  etag: string,
): GraphObject {
  const createdMs = rng.daysBefore(nowMs, 30, 600);
  const activatedMs = createdMs + rng.int(60_000, 2 * DAY_MS);
  const roles = [ROLE_TEMPLATES.globalReader, ...rng.sample(GDAP_ROLES.slice(1), rng.int(3, 6))];
  // The relationship ends exactly its duration after creation, to the tick (as in the sample).
  const ticks = rng.int(0, 9999);
  const activated = isoTicks(activatedMs, rng.int(0, 9999));
  return {
    "@odata.type": "#microsoft.graph.delegatedAdminRelationship",
    "@odata.etag": `W/"${etag}"`,
    // Relationship ids are two GUIDs joined by a hyphen.
    id: `${rng.guid()}-${rng.guid()}`,
    displayName: `${customer.displayName} - managed services`.slice(0, 50),
    duration: "P730D",
    customer: { tenantId: customer.id, displayName: customer.displayName },
    accessDetails: { unifiedRoles: roles.map((role) => ({ roleDefinitionId: role.templateId })) },
    status: "active",
    autoExtendDuration: "P180D",
    createdDateTime: isoTicks(createdMs, ticks),
    lastModifiedDateTime: activated,
    activatedDateTime: activated,
    endDateTime: isoTicks(createdMs + 730 * DAY_MS, ticks),
  };
}
