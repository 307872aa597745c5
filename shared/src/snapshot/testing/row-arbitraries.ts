import fc from "fast-check";
import type { RowOf } from "../../datasets";

/**
 * fast-check generators of valid report rows, small on purpose (property tests run 100–200
 * cases each). Strings include commas, quotes, newlines, leading formula characters and
 * non-ASCII text so the CSV and hashing properties meet them.
 */

const text = fc.oneof(
  { weight: 3, arbitrary: fc.string({ maxLength: 12 }) },
  { weight: 1, arbitrary: fc.string({ unit: "grapheme", maxLength: 8 }) },
  {
    weight: 2,
    arbitrary: fc.constantFrom(
      "=1+1",
      "+SUM(A1)",
      "-2+3",
      "@cmd",
      "\tx",
      "\r=x",
      '  =HYPERLINK("x")',
      'say "hi", then\nleave',
      "Zoë Ørsted",
    ),
  },
);
const nullableText = fc.option(text, { nil: null });
const isoDate = fc
  .integer({ min: Date.UTC(2015, 0, 1), max: Date.UTC(2030, 0, 1) })
  .map((ms) => new Date(ms).toISOString());
const shortList = fc.array(text, { maxLength: 4 });
const objectId = fc.uuid();

const mfaStatus = fc.record({
  state: fc.constantFrom("yes", "no", "unknown"),
  source: fc.constantFrom("registrationDetails", "authenticationMethods", "none"),
  methods: fc.array(
    fc.constantFrom("fido2", "microsoftAuthenticatorPush", "mobilePhone", "email"),
    {
      maxLength: 3,
    },
  ),
  capable: fc.option(fc.boolean(), { nil: null }),
  detail: text,
  securityDefaultsEnabled: fc.option(fc.boolean(), { nil: null }),
}) satisfies fc.Arbitrary<RowOf<"users">["mfa"]>;

export const userRow: fc.Arbitrary<RowOf<"users">> = fc.record({
  id: objectId,
  userPrincipalName: text,
  displayName: nullableText,
  mail: nullableText,
  assignedRoles: shortList,
  mfa: mfaStatus,
  otherMails: shortList,
  passwordPolicies: nullableText,
  createdOn: fc.option(isoDate, { nil: null }),
  accountEnabled: fc.option(fc.boolean(), { nil: null }),
  userType: fc.constantFrom("Member", "Guest", null),
  onPremisesSyncEnabled: fc.option(fc.boolean(), { nil: null }),
  lastSignIn: fc.oneof(
    fc.option(isoDate, { nil: null }),
    fc.constant({ unavailable: true as const, reason: "Needs Entra ID P1" }),
  ),
  assignedLicenseSkuIds: fc.array(fc.uuid(), { maxLength: 3 }),
});

export const groupRow: fc.Arbitrary<RowOf<"groups">> = fc.record({
  id: objectId,
  displayName: nullableText,
  description: nullableText,
  mail: nullableText,
  groupTypes: fc.subarray(["Unified", "DynamicMembership"]),
  mailEnabled: fc.option(fc.boolean(), { nil: null }),
  proxyAddresses: shortList,
  resourceBehaviorOptions: shortList,
  securityEnabled: fc.option(fc.boolean(), { nil: null }),
  securityIdentifier: nullableText,
  kind: text,
  memberCount: fc.option(fc.nat({ max: 5000 }), { nil: null }),
  onPremisesSyncEnabled: fc.option(fc.boolean(), { nil: null }),
});

export const roleRow: fc.Arbitrary<RowOf<"roles">> = fc.record({
  id: objectId,
  displayName: text,
  description: nullableText,
  roleTemplateId: objectId,
  isBuiltIn: fc.option(fc.boolean(), { nil: null }),
  userCount: fc.nat({ max: 50 }),
  members: fc.array(
    fc.record({
      id: objectId,
      kind: fc.constantFrom("user", "group", "servicePrincipal", "unknown"),
      displayName: nullableText,
      identifier: nullableText,
      viaGroup: nullableText,
    }),
    { maxLength: 4 },
  ),
});

export const licenceRow: fc.Arbitrary<RowOf<"licences">> = fc.record({
  id: objectId,
  skuId: objectId,
  friendlyName: text,
  skuPartNumber: text,
  activeUnits: fc.integer({ min: 0, max: 10_000 }),
  consumedUnits: fc.integer({ min: 0, max: 10_000 }),
  warningUnits: fc.integer({ min: 0, max: 100 }),
  suspendedUnits: fc.integer({ min: 0, max: 100 }),
  lockedOutUnits: fc.integer({ min: 0, max: 100 }),
  unusedUnits: fc.integer({ min: -100, max: 10_000 }),
  capabilityStatus: fc.constantFrom("Enabled", "Warning", "Suspended", "Deleted", "LockedOut"),
  appliesTo: fc.constantFrom("User", "Company", null),
});

/** Rows with distinct ids, as a dataset always has. */
export function uniqueRows<Row extends { id: string }>(
  row: fc.Arbitrary<Row>,
  maxLength = 8,
): fc.Arbitrary<Row[]> {
  return fc.uniqueArray(row, { selector: (item) => item.id, maxLength });
}
