/**
 * The emulator's state: tenants holding Graph-shaped objects, the app registrations the
 * identity platform knows, and one controllable clock. Objects are stored exactly as
 * Microsoft Graph returns them (all properties), so the Graph side only filters, projects
 * (`$select`) and pages; it never reshapes.
 *
 * Every change to a tenant collection goes through `putObject` / `removeObject`, which append
 * to the tenant's change log; delta queries (`/users/delta`, `/groups/delta`, `/devices/delta`)
 * are answered from that log. A tenant's initial, generated contents are not changes: the
 * generator stores them without log entries (delta's initial round reads the collections).
 */

/** A Graph entity as JSON, e.g. a `microsoft.graph.user`. */
export type GraphObject = { id: string } & Record<string, unknown>;

/** The collections a tenant holds, named after their Graph entity sets. */
export type CollectionName =
  | "users"
  | "devices"
  | "managedDevices"
  | "groups"
  | "subscribedSkus"
  | "roleDefinitions"
  | "roleAssignments"
  | "directoryRoles"
  | "directoryAudits"
  | "userRegistrationDetails"
  | "secureScores"
  | "secureScoreControlProfiles"
  | "servicePrincipals"
  | "oauth2PermissionGrants"
  | "contracts"
  | "delegatedAdminCustomers"
  /** One object, id = tenant id: what `GET /organization` lists. */
  | "organization"
  /** `identity/conditionalAccess/policies` (Graph serves them; the generator may leave it empty). */
  | "conditionalAccessPolicies"
  /** `tenantRelationships/delegatedAdminRelationships` (GDAP relationships of a partner). */
  | "delegatedAdminRelationships"
  /** App role assignments (`servicePrincipals/{id}/appRoleAssignedTo`, keyed by assignment id). */
  | "appRoleAssignments";

export interface TenantLicensing {
  /** Entra ID P1 (or P2): unlocks userRegistrationDetails, signInActivity, 30-day audit retention. */
  entraIdP1: boolean;
  entraIdP2: boolean;
  /** Intune: without it `deviceManagement/managedDevices` answers 400 "Request not applicable to target tenant." */
  intune: boolean;
}

export interface ChangeLogEntry {
  /** Monotonic per tenant; delta tokens encode the last sequence a client has seen. */
  seq: number;
  collection: CollectionName;
  id: string;
  kind: "put" | "remove";
}

export interface EmulatedTenant {
  id: string;
  displayName: string;
  /** `contoso.onmicrosoft.com` */
  initialDomain: string;
  verifiedDomains: string[];
  kind: "partner" | "customer" | "standalone";
  licensing: TenantLicensing;
  securityDefaultsEnabled: boolean;
  createdDateTime: string;
  collections: Record<CollectionName, Map<string, GraphObject>>;
  /** userId → authentication methods (`microsoft.graph.authenticationMethod` objects). */
  authenticationMethods: Map<string, GraphObject[]>;
  /** groupId → member object ids (users, groups, devices, service principals). */
  groupMembers: Map<string, string[]>;
  /** directoryRole id → member object ids. */
  directoryRoleMembers: Map<string, string[]>;
  /** userId → password, for the demo sign-in page and the ROPC grant. */
  passwords: Map<string, string>;
  /** For a customer of a CSP partner: the partner and which of its users hold delegated admin (GDAP). */
  partner?: { tenantId: string; delegatedAdminUserIds: string[] };
  changeLog: ChangeLogEntry[];
  nextSeq: number;
}

export interface AppRegistration {
  appId: string;
  displayName: string;
  homeTenantId: string;
  /** Redirect URIs by platform; the platform decides PKCE, Origin and refresh-token lifetime rules. */
  spaRedirectUris: string[];
  webRedirectUris: string[];
  publicClientRedirectUris: string[];
  /** Confidential apps only. */
  clientSecrets: string[];
  /** Delegated Graph scopes the app requests (its "API permissions"), e.g. `User.Read.All`. */
  requiredDelegatedScopes: string[];
  /** Application permissions, for `client_credentials`. */
  requiredAppRoles: string[];
}

/** Time the emulator believes it is; tests advance it to expire tokens without waiting. */
export interface Clock {
  now(): number;
  advance(ms: number): void;
  set(epochMs: number): void;
}

export interface CloudState {
  tenants: Map<string, EmulatedTenant>;
  apps: Map<string, AppRegistration>;
  clock: Clock;
}

export function createClock(startMs: number = Date.now()): Clock {
  let offset = startMs - Date.now();
  return {
    now: () => Date.now() + offset,
    advance: (ms) => {
      offset += ms;
    },
    set: (epochMs) => {
      offset = epochMs - Date.now();
    },
  };
}

export const COLLECTION_NAMES: readonly CollectionName[] = [
  "users",
  "devices",
  "managedDevices",
  "groups",
  "subscribedSkus",
  "roleDefinitions",
  "roleAssignments",
  "directoryRoles",
  "directoryAudits",
  "userRegistrationDetails",
  "secureScores",
  "secureScoreControlProfiles",
  "servicePrincipals",
  "oauth2PermissionGrants",
  "contracts",
  "delegatedAdminCustomers",
  "organization",
  "conditionalAccessPolicies",
  "delegatedAdminRelationships",
  "appRoleAssignments",
];

function emptyCollections(): Record<CollectionName, Map<string, GraphObject>> {
  return Object.fromEntries(COLLECTION_NAMES.map((name) => [name, new Map()])) as Record<
    CollectionName,
    Map<string, GraphObject>
  >;
}

/** The directory contents of a tenant that has none yet: every way of building a tenant starts here. */
export type EmptyDirectory = Pick<
  EmulatedTenant,
  | "collections"
  | "authenticationMethods"
  | "groupMembers"
  | "directoryRoleMembers"
  | "passwords"
  | "changeLog"
  | "nextSeq"
>;

export function emptyDirectory(): EmptyDirectory {
  return {
    collections: emptyCollections(),
    authenticationMethods: new Map(),
    groupMembers: new Map(),
    directoryRoleMembers: new Map(),
    passwords: new Map(),
    changeLog: [],
    nextSeq: 1,
  };
}

/** Inserts or replaces an object and records the change for delta queries. */
export function putObject(
  tenant: EmulatedTenant,
  collection: CollectionName,
  object: GraphObject,
): void {
  tenant.collections[collection].set(object.id, object);
  tenant.changeLog.push({ seq: tenant.nextSeq++, collection, id: object.id, kind: "put" });
}

/** Deletes an object (if present) and records the removal for delta queries. */
export function removeObject(
  tenant: EmulatedTenant,
  collection: CollectionName,
  id: string,
): boolean {
  const existed = tenant.collections[collection].delete(id);
  if (existed) {
    tenant.changeLog.push({ seq: tenant.nextSeq++, collection, id, kind: "remove" });
  }
  return existed;
}

/** Finds a tenant by GUID or by one of its domains, as the identity platform accepts either. */
export function findTenant(state: CloudState, idOrDomain: string): EmulatedTenant | undefined {
  const key = idOrDomain.toLowerCase();
  const byId = state.tenants.get(key);
  if (byId) return byId;
  for (const tenant of state.tenants.values()) {
    if (tenant.initialDomain === key || tenant.verifiedDomains.includes(key)) return tenant;
  }
  return undefined;
}
