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
}
