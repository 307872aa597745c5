import { readFileSync } from "node:fs";
import { beforeAll, describe, expect, it } from "vitest";
import type { EntityType } from "../graph/entity-types";
import * as ENTITY_TYPES from "../graph/entity-types";
import { GRAPH_APP_ID } from "../identity/access-token";
import type { CollectionName, EmulatedTenant, GraphObject } from "./model";
import { buildScenario } from "./scenarios";

/**
 * Every generated object has the property names and JSON types of Microsoft's published sample
 * for its entity (a superset is fine: samples are shortened). `null` on either side matches any
 * type, because samples show values where real tenants often have none and the reverse.
 */
const SAMPLES = new URL("../../../../shared/graph/samples/", import.meta.url);

function sampleObjects(file: string): Record<string, unknown>[] {
  const body = JSON.parse(readFileSync(new URL(file, SAMPLES), "utf8")) as Record<string, unknown>;
  return Array.isArray(body.value) ? (body.value as Record<string, unknown>[]) : [body];
}

/** Response annotations and expansions the Graph layer adds; not part of the stored entity. */
const NOT_STORED = new Set(["@odata.context", "@odata.id", "@odata.nextLink", "principal"]);

function jsonType(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "array";
  return typeof value;
}

/** Differences between a sample and a generated value, as readable paths. */
function shapeDifferences(sample: unknown, actual: unknown, path: string): string[] {
  const sampleType = jsonType(sample);
  const actualType = jsonType(actual);
  if (sampleType === "null" || actualType === "null") return [];
  if (sampleType !== actualType) return [`${path}: sample ${sampleType}, generated ${actualType}`];
  if (sampleType === "array") {
    const [first] = sample as unknown[];
    const generated = actual as unknown[];
    return first === undefined
      ? []
      : generated.flatMap((item, i) => shapeDifferences(first, item, `${path}[${i}]`));
  }
  if (sampleType === "object") {
    const sampleRecord = sample as Record<string, unknown>;
    const actualRecord = actual as Record<string, unknown>;
    return Object.keys(sampleRecord)
      .filter((key) => !NOT_STORED.has(key))
      .flatMap((key) =>
        key in actualRecord
          ? shapeDifferences(sampleRecord[key], actualRecord[key], `${path}.${key}`)
          : [`${path}.${key}: missing`],
      );
  }
  return [];
}

/** Derived types a sample shows that the generator does not produce (indirect-reseller GDAP). */
const NOT_GENERATED_TYPES = new Set(["#microsoft.graph.resellerDelegatedAdminRelationship"]);

function expectShapes(file: string, objects: readonly Record<string, unknown>[]): void {
  expect(objects.length, `no generated objects to compare with ${file}`).toBeGreaterThan(0);
  for (const sample of sampleObjects(file)) {
    // A typed sample item is compared with generated objects of the same @odata.type.
    const type = sample["@odata.type"];
    if (typeof type === "string" && NOT_GENERATED_TYPES.has(type)) continue;
    const sameType =
      type === undefined ? objects : objects.filter((object) => object["@odata.type"] === type);
    expect(sameType.length, `no generated ${String(type)} to compare with ${file}`).toBeGreaterThan(
      0,
    );
    const problems = new Set(sameType.flatMap((object) => shapeDifferences(sample, object, file)));
    expect([...problems].slice(0, 10)).toEqual([]);
  }
}

const COLLECTION_SAMPLES: readonly (readonly [CollectionName, string])[] = [
  ["users", "users-list.json"],
  ["users", "user-get.json"],
  // Directory role members are users here (the Graph layer lists them).
  ["users", "directoryrole-members-list.json"],
  ["devices", "devices-list.json"],
  ["devices", "device-get.json"],
  ["managedDevices", "managed-devices-list.json"],
  ["groups", "groups-list.json"],
  ["subscribedSkus", "subscribedskus-list.json"],
  ["roleDefinitions", "roledefinitions-list.json"],
  ["roleAssignments", "roleassignments-list.json"],
  ["directoryRoles", "directoryroles-list.json"],
  ["directoryAudits", "directoryaudits-list.json"],
  ["userRegistrationDetails", "userregistrationdetails-list.json"],
  ["secureScores", "securescores-list.json"],
  ["secureScoreControlProfiles", "securescorecontrolprofiles-list.json"],
  ["servicePrincipals", "serviceprincipals-list.json"],
  ["oauth2PermissionGrants", "oauth2permissiongrants-list.json"],
  ["contracts", "contracts-list.json"],
  ["delegatedAdminCustomers", "delegatedadmincustomers-list.json"],
  ["organization", "organization-get.json"],
  ["conditionalAccessPolicies", "conditionalaccess-policies-list.json"],
  ["conditionalAccessPolicies", "conditionalaccess-policy-get.json"],
  ["delegatedAdminRelationships", "delegatedadminrelationships-list.json"],
  ["appRoleAssignments", "approleassignedto-list.json"],
];

describe("generated objects have the shapes of Microsoft's Graph samples", () => {
  let tenants: EmulatedTenant[];
  beforeAll(() => {
    tenants = [...buildScenario("demo", { seed: 3 }).tenants.values()];
  });
  const all = (collection: CollectionName): GraphObject[] =>
    tenants.flatMap((tenant) => [...tenant.collections[collection].values()]);

  it.each(COLLECTION_SAMPLES)("%s match %s", (collection, file) => {
    expectShapes(file, all(collection));
  });

  it("authentication methods match authentication-methods-list.json per @odata.type", () => {
    const methods = tenants.flatMap((tenant) => [...tenant.authenticationMethods.values()].flat());
    for (const sample of sampleObjects("authentication-methods-list.json")) {
      const sameType = methods.filter((method) => method["@odata.type"] === sample["@odata.type"]);
      expect(sameType.length, String(sample["@odata.type"])).toBeGreaterThan(0);
      expect([
        ...new Set(
          sameType.flatMap((method) =>
            shapeDifferences(sample, method, String(sample["@odata.type"])),
          ),
        ),
      ]).toEqual([]);
    }
  });

  it("Microsoft Graph's service principal publishes app roles and scopes shaped as in the filter samples", () => {
    const graph = all("servicePrincipals").filter((sp) => sp.appId === GRAPH_APP_ID);
    expectShapes("serviceprincipals-list-filter-appid.json", graph);
    expectShapes("serviceprincipals-list-filter-displayname-scopes.json", graph);
  });

  it("puts every property on every object of a collection (the Graph layer projects $select)", () => {
    for (const collection of [
      "users",
      "devices",
      "groups",
      "managedDevices",
      "servicePrincipals",
    ] as const) {
      const objects = all(collection);
      const keys = new Set(objects.flatMap((object) => Object.keys(object)));
      for (const object of objects)
        expect(Object.keys(object).length, `${collection} ${object.id}`).toBe(keys.size);
    }
  });
});

/** The Graph layer's entity type for each collection (its `$select` vocabulary). */
const COLLECTION_TYPES: readonly (readonly [CollectionName, EntityType])[] = [
  ["users", ENTITY_TYPES.USER],
  ["groups", ENTITY_TYPES.GROUP],
  ["devices", ENTITY_TYPES.DEVICE],
  ["managedDevices", ENTITY_TYPES.MANAGED_DEVICE],
  ["subscribedSkus", ENTITY_TYPES.SUBSCRIBED_SKU],
  ["directoryRoles", ENTITY_TYPES.DIRECTORY_ROLE],
  ["roleAssignments", ENTITY_TYPES.ROLE_ASSIGNMENT],
  ["roleDefinitions", ENTITY_TYPES.ROLE_DEFINITION],
  ["directoryAudits", ENTITY_TYPES.DIRECTORY_AUDIT],
  ["userRegistrationDetails", ENTITY_TYPES.USER_REGISTRATION_DETAILS],
  ["secureScores", ENTITY_TYPES.SECURE_SCORE],
  ["secureScoreControlProfiles", ENTITY_TYPES.SECURE_SCORE_CONTROL_PROFILE],
  ["servicePrincipals", ENTITY_TYPES.SERVICE_PRINCIPAL],
  ["oauth2PermissionGrants", ENTITY_TYPES.OAUTH2_PERMISSION_GRANT],
  ["contracts", ENTITY_TYPES.CONTRACT],
  ["delegatedAdminCustomers", ENTITY_TYPES.DELEGATED_ADMIN_CUSTOMER],
  ["organization", ENTITY_TYPES.ORGANIZATION],
  ["conditionalAccessPolicies", ENTITY_TYPES.CONDITIONAL_ACCESS_POLICY],
  ["delegatedAdminRelationships", ENTITY_TYPES.DELEGATED_ADMIN_RELATIONSHIP],
  ["appRoleAssignments", ENTITY_TYPES.APP_ROLE_ASSIGNMENT],
];

describe("generated property names are Graph property names", () => {
  let tenants: EmulatedTenant[];
  beforeAll(() => {
    tenants = [...buildScenario("demo", { seed: 5 }).tenants.values()];
  });

  it.each(COLLECTION_TYPES)(
    "%s only carry properties of their entity type or its sample",
    (collection, type) => {
      // Property names a published sample shows are Graph's too, even when the resource page lists
      // them differently (e.g. devices-list.json's "Manufacturer").
      const sampleKeys = new Set(
        COLLECTION_SAMPLES.filter(([name]) => name === collection).flatMap(([, file]) =>
          sampleObjects(file).flatMap((object) => Object.keys(object)),
        ),
      );
      const known = (key: string) =>
        type.properties.has(key) ||
        type.navigationProperties?.has(key) === true ||
        sampleKeys.has(key);
      const unknown = new Set(
        tenants.flatMap((tenant) =>
          [...tenant.collections[collection].values()].flatMap((object) =>
            Object.keys(object).filter((key) => !known(key)),
          ),
        ),
      );
      expect([...unknown]).toEqual([]);
    },
  );
});
