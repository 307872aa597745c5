import { describe, expect, it } from "vitest";
import { DATASET_IDS } from "../datasets";
import {
  DATASET_SCOPES,
  GRAPH_CALLS,
  type GraphCallId,
  graphScopeUri,
  isWriteScope,
  LEGACY_OVERPRIVILEGED_SCOPES,
  missingScopes,
  ON_DEMAND_SCOPES,
  REQUESTED_SCOPES,
  shortScopeName,
} from ".";

describe("isWriteScope", () => {
  it.each([
    "Directory.ReadWrite.All",
    "User.ReadWrite",
    "Group-NestingSupport.ReadWrite.All",
    "Mail.Send",
    "User.ManageIdentities.All",
    "Policy.ReadWrite.ConditionalAccess",
    "https://graph.microsoft.com/Application.ReadWrite.All",
  ])("treats %s as a write scope", (scope) => {
    expect(isWriteScope(scope)).toBe(true);
  });

  it.each([
    "User.Read",
    "User.Read.All",
    "AuditLog.Read.All",
    "RoleManagement.Read.Directory",
    "https://graph.microsoft.com/Directory.Read.All",
  ])("treats %s as read-only", (scope) => {
    expect(isWriteScope(scope)).toBe(false);
  });
});

describe("the requested scopes", () => {
  it("contain no write scope", () => {
    expect(REQUESTED_SCOPES.filter(isWriteScope)).toEqual([]);
  });

  it("never include the legacy over-privileged set", () => {
    const requested = new Set(REQUESTED_SCOPES.map((scope) => scope.toLowerCase()));
    const overlap = LEGACY_OVERPRIVILEGED_SCOPES.filter((scope) =>
      requested.has(scope.toLowerCase()),
    );
    expect(overlap).toEqual([]);
  });

  it("cover every scope of every call made at consent, and nothing else", () => {
    const needed = new Set(
      (Object.keys(GRAPH_CALLS) as GraphCallId[])
        .filter((id) => GRAPH_CALLS[id].requested === "consent")
        .flatMap((id) => GRAPH_CALLS[id].scopes),
    );
    expect(new Set(REQUESTED_SCOPES)).toEqual(needed);
  });

  it("include the permissions Microsoft documents for the MFA report and sign-in activity", () => {
    expect(REQUESTED_SCOPES).toEqual(
      expect.arrayContaining([
        "AuditLog.Read.All",
        "UserAuthenticationMethod.Read.All",
        "User.Read.All",
        "Policy.Read.All",
      ]),
    );
  });

  it("do not include Application.ReadWrite.All, which is only requested on demand", () => {
    expect(REQUESTED_SCOPES).not.toContain("Application.ReadWrite.All");
    expect(ON_DEMAND_SCOPES.deleteEnterpriseApp).toEqual(["Application.ReadWrite.All"]);
  });
});

describe("the call catalogue", () => {
  it("cites a Microsoft Learn Graph API page for every call", () => {
    for (const call of Object.values(GRAPH_CALLS)) {
      expect(call.doc).toMatch(/^https:\/\/learn\.microsoft\.com\/en-us\/graph\/api\/[a-z0-9-]+$/);
    }
  });

  it("uses write scopes only for calls that are requested on demand", () => {
    for (const [id, call] of Object.entries(GRAPH_CALLS)) {
      if (call.scopes.some(isWriteScope)) {
        expect({ id, requested: call.requested }).toEqual({ id, requested: "onDemand" });
      }
    }
  });

  it("feeds every dataset from at least one call, so each dataset has its scopes", () => {
    for (const dataset of DATASET_IDS) {
      expect(DATASET_SCOPES[dataset].length, dataset).toBeGreaterThan(0);
    }
    expect(DATASET_SCOPES.computers).toEqual([
      "Device.Read.All",
      "DeviceManagementManagedDevices.Read.All",
    ]);
  });
});

describe("scope names", () => {
  it("prefixes short names with the Graph resource and strips it back", () => {
    expect(graphScopeUri("User.Read.All")).toBe("https://graph.microsoft.com/User.Read.All");
    expect(graphScopeUri("https://graph.microsoft.com/User.Read")).toBe(
      "https://graph.microsoft.com/User.Read",
    );
    expect(shortScopeName("https://graph.microsoft.com/User.Read.All")).toBe("User.Read.All");
  });

  it("reports which required scopes a grant lacks, ignoring case and the resource prefix", () => {
    expect(
      missingScopes(
        ["User.Read.All", "AuditLog.Read.All", "Device.Read.All"],
        ["https://graph.microsoft.com/user.read.all", "Device.Read.All"],
      ),
    ).toEqual(["AuditLog.Read.All"]);
  });
});
