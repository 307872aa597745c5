import { readdirSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { listGraphSamples } from "../../../tests/support/graph-samples";
import type { DatasetId } from "./index";

/** Each published Graph sample that feeds a dataset, and the dataset it feeds. */
const DATASET_SAMPLES: Readonly<Record<string, DatasetId>> = {
  "users-list": "users",
  "user-get": "users",
  "users-list-select-assignedlicenses": "users",
  "users-delta": "users",
  "users-delta-page2": "users",
  "users-delta-final": "users",
  "users-delta-changes": "users",
  "users-delta-nochanges": "users",
  "userregistrationdetails-list": "users",
  "authentication-methods-list": "users",
  "identitysecuritydefaultsenforcementpolicy-get": "users",
  "devices-list": "computers",
  "device-get": "computers",
  "managed-devices-list": "computers",
  "groups-list": "groups",
  "groups-delta": "groups",
  "groups-delta-page2": "groups",
  "groups-delta-final": "groups",
  "groups-delta-nochanges": "groups",
  "groups-delta-apiref": "groups",
  "subscribedskus-list": "licences",
  "roleassignments-list": "roles",
  "roledefinitions-list": "roles",
  "directoryroles-list": "roles",
  "directoryroles-delta": "roles",
  "directoryrole-members-list": "roles",
  "directoryaudits-list": "auditLogs",
  "securescores-list": "secureScore",
  "securescorecontrolprofiles-list": "secureScore",
};

/** Samples that feed no dataset, and why. */
const NOT_DATASET_SOURCES: Readonly<Record<string, string>> = {
  "approleassignedto-list": "consent and permissions, not a report",
  "approleassignedto-post": "a request to grant an app role, not a report",
  "oauth2permissiongrant-post": "a request to grant consent, not a report",
  "oauth2permissiongrants-list": "consent and permissions, not a report",
  "serviceprincipal-delete": "deleting the enterprise app, not a report",
  "serviceprincipals-list": "consent and permissions, not a report",
  "serviceprincipals-list-filter-appid": "consent and permissions, not a report",
  "serviceprincipals-list-filter-displayname-scopes": "consent and permissions, not a report",
  "batch-request": "transport ($batch), not data",
  "batch-request-dependson": "transport ($batch), not data",
  "batch-response": "transport ($batch), not data",
  paging: "transport (paging), not data",
  "paging-older": "transport (paging), not data",
  "throttling-429": "an error body, not data",
  "error-response": "an error body, not data",
  "error-codes": "a reference table, not a payload",
  "conditionalaccess-policies-list": "no dataset reads Conditional Access yet",
  "conditionalaccess-policy-get": "no dataset reads Conditional Access yet",
  "contracts-list": "tenant discovery (partner customers), not a report",
  "delegatedadmincustomers-list": "tenant discovery (partner customers), not a report",
  "delegatedadminrelationships-list": "tenant discovery (partner customers), not a report",
  "organization-get": "the tenant's name for the snapshot envelope, not a dataset row",
};

const TEST_FOLDERS: Readonly<Record<DatasetId, string>> = {
  users: "users",
  computers: "computers",
  groups: "groups",
  licences: "licences",
  roles: "roles",
  auditLogs: "audit-logs",
  secureScore: "secure-score",
};

const here = dirname(fileURLToPath(import.meta.url));

function testSourcesOf(folder: string): string {
  const directory = join(here, folder);
  return readdirSync(directory, { recursive: true, encoding: "utf8" })
    .filter((file) => file.endsWith(".test.ts"))
    .map((file) => readFileSync(join(directory, file), "utf8"))
    .join("\n");
}

describe("coverage of Microsoft's published Graph samples", () => {
  it("classifies every sample as feeding a dataset or not", () => {
    const unclassified = listGraphSamples().filter(
      (sample) => !(sample in DATASET_SAMPLES) && !(sample in NOT_DATASET_SOURCES),
    );
    expect(unclassified).toEqual([]);
  });

  it("has a test mapping each sample that feeds a dataset, in that dataset's tests", () => {
    const missing = Object.entries(DATASET_SAMPLES)
      .filter(([sample, dataset]) => !testSourcesOf(TEST_FOLDERS[dataset]).includes(`"${sample}"`))
      .map(([sample]) => sample);
    expect(missing).toEqual([]);
  });

  it("lists only samples that exist", () => {
    const present = new Set(listGraphSamples());
    const stale = [...Object.keys(DATASET_SAMPLES), ...Object.keys(NOT_DATASET_SOURCES)].filter(
      (sample) => !present.has(sample),
    );
    expect(stale).toEqual([]);
  });
});
