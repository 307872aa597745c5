import { randomUUID } from "node:crypto";
import { gzipSync } from "node:zlib";
import type { UserRow } from "../../shared/src/datasets/users";
import type { SnapshotEnvelope } from "../../shared/src/snapshot/envelope";
import { hashDatasetRows } from "../src/snapshots/shared-core";

/** A small user row for route tests (the benchmark and end-to-end client use generated tenants). */
export function userRow(index: number, overrides: Partial<UserRow> = {}): UserRow {
  return {
    id: `00000000-0000-4000-8000-${String(index).padStart(12, "0")}`,
    userPrincipalName: `user${index}@contoso.example`,
    displayName: `User ${index}`,
    mail: `user${index}@contoso.example`,
    assignedRoles: [],
    mfa: {
      state: index % 2 === 0 ? "yes" : "no",
      source: "registrationDetails",
      methods: index % 2 === 0 ? ["microsoftAuthenticatorPush"] : [],
      capable: index % 2 === 0,
      detail: "From the authentication methods registration report",
      securityDefaultsEnabled: false,
    },
    otherMails: [],
    passwordPolicies: null,
    createdOn: "2024-01-01T00:00:00Z",
    accountEnabled: true,
    userType: "Member",
    onPremisesSyncEnabled: null,
    lastSignIn: "2026-11-01T00:00:00Z",
    assignedLicenseSkuIds: [],
    ...overrides,
  };
}

export const TEST_TENANT_ID = "72f988bf-86f1-41af-91ab-2d7cd011db47";

/** A valid envelope with a users dataset whose contentHash is computed by the shared core. */
export function buildEnvelope(
  options: {
    snapshotId?: string;
    companyId?: string | null;
    capturedAt?: string;
    users?: UserRow[];
    tenantDisplayName?: string;
  } = {},
): SnapshotEnvelope {
  const users = options.users ?? [userRow(1), userRow(2), userRow(3)];
  const capturedAt = options.capturedAt ?? "2026-11-26T09:00:00Z";
  return {
    schemaVersion: 1,
    snapshotId: options.snapshotId ?? randomUUID(),
    tenantId: TEST_TENANT_ID,
    tenantDisplayName: options.tenantDisplayName ?? "Contoso",
    companyId: options.companyId ?? null,
    capturedAt,
    capturedBy: "ana@msp.example",
    datasets: {
      users: {
        status: { state: "complete" },
        collectedAt: capturedAt,
        contentHash: hashDatasetRows("users", users),
        rows: users,
      },
    },
  };
}

export function gzipJson(value: unknown): Uint8Array<ArrayBuffer> {
  return new Uint8Array(gzipSync(JSON.stringify(value)));
}

/** Headers the extension sends with a push. */
export const PUSH_HEADERS = {
  "content-type": "application/json",
  "content-encoding": "gzip",
} as const;
