import { describe, expect, it } from "vitest";
import { readGraphSampleItems } from "../../../../tests/support/graph-samples";
import type { GraphDirectoryAudit } from "../../graph-types";
import { type AuditLogRow, auditLogRowSchema } from "../audit-logs";
import { mapAuditLogRows } from "./map-audit-log-rows";

function auditLogs(audits: readonly GraphDirectoryAudit[]): AuditLogRow[] {
  const rows = mapAuditLogRows(audits);
  expect(auditLogRowSchema.array().parse(rows)).toEqual(rows);
  return rows;
}

describe("audit logs from the published Graph samples", () => {
  it("maps directoryaudits-list without losing a column", () => {
    const [row] = auditLogs(readGraphSampleItems<GraphDirectoryAudit>("directoryaudits-list"));
    expect(row).toEqual({
      id: "id",
      activityDateTime: "2018-01-09T21:20:02.7215374Z",
      activity: "Add member to group",
      category: "UserManagement",
      result: "success",
      resultReason: "Successfully added member to group",
      loggedByService: "Core Directory",
      correlationId: "da159bfb-54fa-4092-8a38-6e1fa7870e30",
      initiatedBy: "bob@wingtiptoysonline.com",
      initiatedByKind: "user",
      initiatedFromIp: "127.0.0.1",
      // The second target has no display name; its UPN names it.
      targets: ["Example.com", "bob@contoso.com"],
    });
  });
});

describe("audit log initiators", () => {
  const base: GraphDirectoryAudit = {
    id: "a1",
    activityDateTime: "2026-03-01T10:00:00Z",
    activityDisplayName: "Update user",
    category: "UserManagement",
    result: "success",
  };

  it("names an app by its display name, without an IP", () => {
    const [row] = auditLogs([
      {
        ...base,
        initiatedBy: {
          // Graph sends an empty user object next to the app that acted.
          user: { id: null, displayName: null, userPrincipalName: null, ipAddress: null },
          app: { appId: "00000003-0000-0000-c000-000000000000", displayName: "Microsoft Graph" },
        },
      },
    ]);
    expect(row).toMatchObject({
      initiatedBy: "Microsoft Graph",
      initiatedByKind: "app",
      initiatedFromIp: null,
    });
  });

  it("falls back to the app id when an app has no name", () => {
    const [row] = auditLogs([{ ...base, initiatedBy: { app: { appId: "app-guid" } } }]);
    expect(row).toMatchObject({ initiatedBy: "app-guid", initiatedByKind: "app" });
  });

  it("says the initiator is unknown when Graph names none", () => {
    const [row] = auditLogs([{ ...base, initiatedBy: null, targetResources: null }]);
    expect(row).toMatchObject({
      initiatedBy: null,
      initiatedByKind: "unknown",
      initiatedFromIp: null,
      targets: [],
    });
  });

  it("names the record and field when Graph sends a value of the wrong type", () => {
    expect(() =>
      mapAuditLogRows([{ ...base, result: 1 } as unknown as GraphDirectoryAudit]),
    ).toThrow(
      expect.objectContaining({ entity: "directoryAudit", objectId: "a1", field: "result" }),
    );
  });
});
