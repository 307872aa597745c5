import { describe, expect, it } from "vitest";
import { createGraphHarness } from "./test-support/graph-harness";
import { addGeneratedUsers, addObjects } from "./test-support/tenant-builder";

const errorOf = async (response: Response) =>
  ((await response.json()) as { error: { code: string; message: string } }).error;

describe("licence-dependent answers", () => {
  it("answers 403 Authentication_RequestFromNonPremiumTenantOrB2CTenant on userRegistrationDetails without P1", async () => {
    const graph = await createGraphHarness({ licensing: { entraIdP1: false, entraIdP2: false } });
    const response = await graph.call(
      "/v1.0/reports/authenticationMethods/userRegistrationDetails",
    );
    expect(response.status).toBe(403);
    expect(await errorOf(response)).toEqual({
      code: "Authentication_RequestFromNonPremiumTenantOrB2CTenant",
      message: "Neither tenant is B2C or tenant doesn't have premium license",
      innerError: expect.any(Object),
    });
  });

  it("serves userRegistrationDetails to a P1 or P2 tenant", async () => {
    for (const licensing of [{ entraIdP1: true }, { entraIdP1: false, entraIdP2: true }]) {
      const graph = await createGraphHarness({ licensing });
      addObjects(graph.tenant, "userRegistrationDetails", [
        { userPrincipalName: "a@contoso.com", isMfaRegistered: true },
      ]);
      const response = await graph.call(
        "/v1.0/reports/authenticationMethods/userRegistrationDetails",
      );
      expect(response.status).toBe(200);
    }
  });

  it("refuses signInActivity without premium, and without AuditLog.Read.All", async () => {
    const free = await createGraphHarness({ licensing: { entraIdP1: false } });
    addGeneratedUsers(free.tenant, 1);
    const denied = await free.call("/v1.0/users?$select=displayName,signInActivity");
    expect(denied.status).toBe(403);
    expect((await errorOf(denied)).code).toBe(
      "Authentication_RequestFromNonPremiumTenantOrB2CTenant",
    );
    expect((await free.call("/v1.0/users?$select=displayName")).status).toBe(200);

    const premium = await createGraphHarness({ licensing: { entraIdP1: true } });
    addGeneratedUsers(premium.tenant, 1);
    const withoutAudit = await premium.token({ scopes: ["User.Read.All"] });
    expect(
      (await premium.call("/v1.0/users?$select=signInActivity", { token: withoutAudit })).status,
    ).toBe(403);
    const ok = await premium.call("/v1.0/users?$select=signInActivity");
    expect(ok.status).toBe(200);
    const body = (await ok.json()) as { value: Record<string, unknown>[] };
    expect(body.value[0]?.signInActivity).toEqual({ lastSignInDateTime: "2025-01-01T00:00:00Z" });
  });

  it("answers managedDevices with 400 'Request not applicable to target tenant.' without Intune", async () => {
    const graph = await createGraphHarness({ licensing: { intune: false } });
    const response = await graph.call("/v1.0/deviceManagement/managedDevices");
    expect(response.status).toBe(400);
    expect(await errorOf(response)).toMatchObject({
      code: "BadRequest",
      message: "Request not applicable to target tenant.",
    });
  });

  it("keeps 7 days of audit log without premium and 30 days with it, newest first", async () => {
    const day = 24 * 60 * 60 * 1000;
    for (const [entraIdP1, expected] of [
      [false, ["1", "6"]],
      [true, ["1", "6", "20"]],
    ] as const) {
      const graph = await createGraphHarness({ licensing: { entraIdP1 } });
      const now = graph.ctx.state.clock.now();
      addObjects(
        graph.tenant,
        "directoryAudits",
        [6, 1, 20, 40].map((daysAgo) => ({
          id: String(daysAgo),
          activityDateTime: new Date(now - daysAgo * day).toISOString(),
          activityDisplayName: "Add member to group",
        })),
      );
      const body = (await (await graph.call("/v1.0/auditLogs/directoryAudits")).json()) as {
        value: { id: string }[];
      };
      expect(
        body.value.map((event) => event.id),
        `P1 ${entraIdP1}`,
      ).toEqual(expected);
    }
  });

  it("filters the audit log on activityDateTime ge", async () => {
    const graph = await createGraphHarness();
    addObjects(graph.tenant, "directoryAudits", [
      { id: "old", activityDateTime: "2026-11-18T00:00:00Z" },
      { id: "new", activityDateTime: "2026-11-20T00:00:00Z" },
    ]);
    const body = (await (
      await graph.call(
        "/v1.0/auditLogs/directoryAudits?$filter=activityDateTime ge 2026-11-19T00:00:00Z",
      )
    ).json()) as {
      value: { id: string }[];
    };
    expect(body.value.map((event) => event.id)).toEqual(["new"]);
  });
});
