import type { CollectionName, EmulatedTenant, GraphObject } from "../model";
import type { SeededRandom } from "../random";
import type { ResolvedTenantSpec } from "../tenant-spec";

/** What every generator step reads: the tenant being filled, its spec, its random stream and "now". */
export interface GenerationContext {
  tenant: EmulatedTenant;
  spec: ResolvedTenantSpec;
  rng: SeededRandom;
  nowMs: number;
  /** The domain users and groups are named in: the custom domain, else the initial one. */
  mailDomain: string;
}

/** Members produced by the users step, for later steps to pick owners, admins and actors from. */
export interface UserIndex {
  members: GraphObject[];
  guests: GraphObject[];
  /** The tenant's own admin (`admin@…`), always a Global Administrator. */
  admin: GraphObject;
  /** Emergency-access account: Global Administrator, no MFA, never signs in. */
  breakGlass: GraphObject;
  /** Entra Connect's account in tenants that synchronise from on-premises AD. */
  syncAccount: GraphObject | null;
  /** Named users from the spec (technicians, …), by mailNickname. */
  named: Map<string, GraphObject>;
}

/** Shared empty array for properties that are always `[]`: one instance for all objects. */
export const EMPTY: readonly never[] = Object.freeze([]);

/** `onPremisesExtensionAttributes` / `extensionAttributes` nobody customised: one frozen instance. */
export const NO_EXTENSION_ATTRIBUTES: Readonly<Record<string, null>> = Object.freeze(
  Object.fromEntries(Array.from({ length: 15 }, (_, i) => [`extensionAttribute${i + 1}`, null])),
);

/**
 * Stores an object of the tenant's initial contents. Unlike `putObject` it writes no change-log
 * entry: generation is not a change, and delta queries answer their initial round from the
 * collections themselves. Skipping the log keeps a 100,000-user tenant about a third smaller.
 */
export function seedObject(
  tenant: EmulatedTenant,
  collection: CollectionName,
  object: GraphObject,
): void {
  tenant.collections[collection].set(object.id, object);
}
