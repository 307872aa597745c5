import { randomUUID } from "node:crypto";
import {
  type CollectionName,
  type EmulatedTenant,
  emptyDirectory,
  type GraphObject,
  putObject,
  type TenantLicensing,
} from "../../tenants/model";

export interface TestTenantOptions {
  id?: string;
  displayName?: string;
  domain?: string;
  licensing?: Partial<TenantLicensing>;
  kind?: EmulatedTenant["kind"];
  securityDefaultsEnabled?: boolean;
}

/** A small tenant for Graph tests, built through the model's own write functions. */
export function createTestTenant(options: TestTenantOptions = {}): EmulatedTenant {
  const domain = options.domain ?? "contoso.onmicrosoft.com";
  return {
    id: options.id ?? randomUUID(),
    displayName: options.displayName ?? "Contoso",
    initialDomain: domain,
    verifiedDomains: [domain],
    kind: options.kind ?? "standalone",
    licensing: { entraIdP1: true, entraIdP2: false, intune: true, ...options.licensing },
    securityDefaultsEnabled: options.securityDefaultsEnabled ?? true,
    createdDateTime: "2021-08-02T10:30:06Z",
    ...emptyDirectory(),
  };
}

/** Adds objects, giving an id to any that lacks one (some doc samples are shortened). */
export function addObjects(
  tenant: EmulatedTenant,
  collection: CollectionName,
  objects: readonly Record<string, unknown>[],
): GraphObject[] {
  return objects.map((object) => {
    const withId = {
      ...object,
      id: typeof object.id === "string" ? object.id : randomUUID(),
    } as GraphObject;
    putObject(tenant, collection, withId);
    return withId;
  });
}

/** `count` generated users with the default property set (for paging and throttling tests). */
export function addGeneratedUsers(
  tenant: EmulatedTenant,
  count: number,
  prefix = "user",
): GraphObject[] {
  const users: GraphObject[] = [];
  for (let index = 0; index < count; index++) {
    const number = String(index).padStart(6, "0");
    const user: GraphObject = {
      id: `00000000-0000-4000-8000-${number.padStart(12, "0")}`,
      businessPhones: [],
      displayName: `${prefix} ${number}`,
      givenName: prefix,
      jobTitle: null,
      mail: `${prefix}${number}@${tenant.initialDomain}`,
      mobilePhone: null,
      officeLocation: null,
      preferredLanguage: "en-US",
      surname: number,
      userPrincipalName: `${prefix}${number}@${tenant.initialDomain}`,
      accountEnabled: index % 10 !== 0,
      userType: index % 7 === 0 ? "Guest" : "Member",
      createdDateTime: "2024-01-01T00:00:00Z",
      signInActivity: { lastSignInDateTime: "2025-01-01T00:00:00Z" },
    };
    putObject(tenant, "users", user);
    users.push(user);
  }
  return users;
}
