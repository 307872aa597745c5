import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { GraphShapeError } from "../graph-types";
import { type DatasetId, ROW_SCHEMAS } from "./index";
import {
  mapAuditLogRows,
  mapComputerRows,
  mapGroupRows,
  mapLicenceRows,
  mapRoleRows,
  mapSecureScoreRows,
  mapUserRows,
  NON_PREMIUM_TENANT_ERROR,
} from "./mappers";

/*
 * Property: whatever JSON Graph (or a corrupted cache) hands a mapper, it either returns rows that
 * validate against the dataset schema or throws a GraphShapeError naming the object and field —
 * never a TypeError from reading a property of the wrong shape.
 */

/** Objects with the properties a mapper reads, each holding either a plausible or any JSON value. */
function graphObjects(properties: Record<string, fc.Arbitrary<unknown>>) {
  const hostile = Object.fromEntries(
    Object.entries(properties).map(([name, plausible]) => [
      name,
      fc.oneof({ weight: 9, arbitrary: plausible }, { weight: 1, arbitrary: fc.jsonValue() }),
    ]),
  );
  // `id` is always there (though perhaps hostile); any other property may be absent, as with $select.
  const requiredKeys = "id" in properties ? ["id"] : [];
  return fc.array(fc.record(hostile, { requiredKeys }), { maxLength: 4 });
}

const text = fc.string({ maxLength: 12 });
const flag = fc.boolean();
const texts = fc.array(text, { maxLength: 3 });
const dateTime = fc
  .integer({ min: 0, max: 4_000_000_000_000 })
  .map((ms) => new Date(ms).toISOString());

function expectRowsOrShapeError(dataset: DatasetId, map: () => readonly unknown[]): void {
  let rows: readonly unknown[];
  try {
    rows = map();
  } catch (error) {
    expect(error).toBeInstanceOf(GraphShapeError);
    return;
  }
  expect(() => ROW_SCHEMAS[dataset].array().parse(rows)).not.toThrow();
}

/** The generated values are deliberately not what the Graph types allow. */
function untyped<T>(value: unknown): T {
  return value as T;
}

const RUNS = { numRuns: 150 };

describe("mappers given hostile Graph input", () => {
  it("users: rows or a GraphShapeError", () => {
    fc.assert(
      fc.property(
        graphObjects({
          id: text,
          userPrincipalName: text,
          displayName: text,
          otherMails: texts,
          accountEnabled: flag,
          userType: fc.constantFrom("Member", "Guest"),
          assignedLicenses: fc.array(fc.record({ skuId: text }), { maxLength: 2 }),
          signInActivity: fc.record({ lastSignInDateTime: dateTime }),
        }),
        graphObjects({ id: text, isMfaRegistered: flag, methodsRegistered: texts }),
        (users, registrations) =>
          expectRowsOrShapeError("users", () =>
            mapUserRows({
              users: untyped(users),
              signInActivityCollected: true,
              registrationDetails: { status: "collected", items: untyped(registrations) },
              securityDefaults: null,
              roleDefinitions: [],
              roleAssignments: [],
              groupMembers: new Map(),
            }),
          ),
      ),
      RUNS,
    );
  });

  it("users without P1: rows or a GraphShapeError from hostile authentication methods", () => {
    fc.assert(
      fc.property(graphObjects({ "@odata.type": text, id: text, phoneType: text }), (methods) =>
        expectRowsOrShapeError("users", () =>
          mapUserRows({
            users: [{ id: "u1", userPrincipalName: "u1@contoso.com" }],
            signInActivityCollected: false,
            registrationDetails: { status: "unavailable", errorCode: NON_PREMIUM_TENANT_ERROR },
            authenticationMethods: new Map([["u1", untyped(methods)]]),
            securityDefaults: null,
            roleDefinitions: [],
            roleAssignments: [],
            groupMembers: new Map(),
          }),
        ),
      ),
      RUNS,
    );
  });

  it("computers: rows or a GraphShapeError", () => {
    fc.assert(
      fc.property(
        graphObjects({
          id: text,
          deviceId: text,
          displayName: text,
          operatingSystem: fc.constantFrom("Windows", "iOS"),
          trustType: fc.constantFrom("AzureAd", "Workplace", "ServerAd"),
          isManaged: flag,
        }),
        graphObjects({
          id: text,
          azureADDeviceId: text,
          deviceName: text,
          lastSyncDateTime: dateTime,
        }),
        (devices, managedDevices) =>
          expectRowsOrShapeError("computers", () =>
            mapComputerRows({ devices: untyped(devices), managedDevices: untyped(managedDevices) }),
          ),
      ),
      RUNS,
    );
  });

  it("groups: rows or a GraphShapeError", () => {
    fc.assert(
      fc.property(
        graphObjects({
          id: text,
          displayName: text,
          groupTypes: texts,
          mailEnabled: flag,
          proxyAddresses: texts,
        }),
        (groups) =>
          expectRowsOrShapeError("groups", () => mapGroupRows({ groups: untyped(groups) })),
      ),
      RUNS,
    );
  });

  it("licences: rows or a GraphShapeError", () => {
    const units = fc.integer({ min: 0, max: 1000 });
    fc.assert(
      fc.property(
        graphObjects({
          id: text,
          skuId: text,
          skuPartNumber: text,
          capabilityStatus: text,
          consumedUnits: units,
          prepaidUnits: fc.record({ enabled: units, suspended: units, warning: units }),
        }),
        (subscribedSkus) =>
          expectRowsOrShapeError("licences", () =>
            mapLicenceRows({ subscribedSkus: untyped(subscribedSkus) }),
          ),
      ),
      RUNS,
    );
  });

  it("roles: rows or a GraphShapeError", () => {
    const principal = fc.record(
      {
        "@odata.type": fc.constantFrom("#microsoft.graph.user", "#microsoft.graph.group"),
        id: text,
      },
      { requiredKeys: [] },
    );
    fc.assert(
      fc.property(
        graphObjects({ id: text, principalId: text, roleDefinitionId: text, principal }),
        graphObjects({ id: text, displayName: text }),
        (roleAssignments, roleDefinitions) =>
          expectRowsOrShapeError("roles", () =>
            mapRoleRows({
              roleAssignments: untyped(roleAssignments),
              roleDefinitions: untyped(roleDefinitions),
              groupMembers: new Map(),
            }),
          ),
      ),
      RUNS,
    );
  });

  it("audit logs: rows or a GraphShapeError", () => {
    fc.assert(
      fc.property(
        graphObjects({
          id: text,
          activityDateTime: dateTime,
          activityDisplayName: text,
          category: text,
          result: text,
          initiatedBy: fc.record({ user: fc.record({ userPrincipalName: text, ipAddress: text }) }),
          targetResources: fc.array(fc.record({ displayName: text }), { maxLength: 2 }),
        }),
        (audits) => expectRowsOrShapeError("auditLogs", () => mapAuditLogRows(untyped(audits))),
      ),
      RUNS,
    );
  });

  it("secure score: rows or a GraphShapeError", () => {
    const score = fc.double({ min: 0, max: 1000, noNaN: true });
    fc.assert(
      fc.property(
        graphObjects({
          id: text,
          createdDateTime: dateTime,
          currentScore: score,
          maxScore: score,
          controlScores: fc.array(fc.record({ controlName: text, score }), { maxLength: 2 }),
        }),
        graphObjects({ id: text, title: text, maxScore: score, deprecated: flag }),
        (secureScores, controlProfiles) =>
          expectRowsOrShapeError("secureScore", () =>
            mapSecureScoreRows({
              secureScores: untyped(secureScores),
              controlProfiles: untyped(controlProfiles),
            }),
          ),
      ),
      RUNS,
    );
  });
});
