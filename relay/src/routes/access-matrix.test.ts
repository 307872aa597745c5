import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DIALECTS } from "../../test/databases";
import { buildEnvelope, gzipJson, PUSH_HEADERS, userRow } from "../../test/envelopes";
import {
  createTestRelay,
  errorCode,
  type RequestOptions,
  type TestRelay,
} from "../../test/test-relay";

/**
 * Acceptance 1: every route, for every role, on both SQLite and PostgreSQL. Each case gets fresh
 * fixtures (its own company, credential, mapping, snapshots, token), so destructive routes can
 * run for every role. The allowed roles are written out here, not derived from the code under
 * test, so a change to the permission table fails this test.
 */
type Principal = "admin" | "technician" | "viewer" | "otherCompanyTechnician" | "otherCompanyAdmin";

interface Fixture {
  companyId: string;
  tenantId: string;
  credentialId: string;
  tokenId: string;
  olderSnapshotId: string;
  newerSnapshotId: string;
  /** Pushed with `Prefer: respond-async` and left queued (the test relay processes nothing). */
  queuedSnapshotId: string;
}

interface RouteCase {
  name: string;
  allowed: readonly Principal[];
  /**
   * Company-scoped routes answer a token limited to another company with 403 company_forbidden,
   * and so do routes whose effect reaches every company (tokens, audit, credentials, new companies).
   */
  companyScoped: boolean;
  /** How the route hides another company's object from a company-limited token, if not 403. */
  scopedDenial?: { status: number; code: string };
  success: number;
  request(f: Fixture): { method: string; path: string } & RequestOptions;
}

const ALL: readonly Principal[] = [
  "admin",
  "technician",
  "viewer",
  "otherCompanyTechnician",
  "otherCompanyAdmin",
];
const READERS_OF_COMPANY: readonly Principal[] = ["admin", "technician", "viewer"];
const WRITERS: readonly Principal[] = ["admin", "technician"];
const ADMIN: readonly Principal[] = ["admin"];

const unique = () => randomUUID().slice(0, 8);
const ASYNC_PUSH_HEADERS = { ...PUSH_HEADERS, prefer: "respond-async" };

const ROUTES: readonly RouteCase[] = [
  {
    name: "list companies",
    allowed: ALL,
    companyScoped: false,
    success: 200,
    request: () => ({ method: "GET", path: "/v1/companies" }),
  },
  {
    name: "create a company",
    allowed: WRITERS,
    companyScoped: true,
    success: 201,
    request: () => ({ method: "POST", path: "/v1/companies", json: { name: `New ${unique()}` } }),
  },
  {
    name: "bulk import companies",
    allowed: WRITERS,
    companyScoped: true,
    success: 200,
    request: () => ({
      method: "POST",
      path: "/v1/companies/import",
      json: { companies: [{ name: `Imported ${unique()}` }] },
    }),
  },
  {
    name: "get a company",
    allowed: READERS_OF_COMPANY,
    companyScoped: true,
    success: 200,
    request: (f) => ({ method: "GET", path: `/v1/companies/${f.companyId}` }),
  },
  {
    name: "rename a company",
    allowed: WRITERS,
    companyScoped: true,
    success: 200,
    request: (f) => ({
      method: "PATCH",
      path: `/v1/companies/${f.companyId}`,
      json: { name: `Renamed ${unique()}` },
    }),
  },
  {
    name: "delete a company",
    allowed: ADMIN,
    companyScoped: true,
    success: 204,
    request: (f) => ({ method: "DELETE", path: `/v1/companies/${f.companyId}` }),
  },
  {
    name: "list credentials",
    allowed: ALL,
    companyScoped: false,
    success: 200,
    request: () => ({ method: "GET", path: "/v1/credentials" }),
  },
  {
    name: "create a credential",
    allowed: WRITERS,
    companyScoped: true,
    success: 201,
    request: () => ({
      method: "POST",
      path: "/v1/credentials",
      json: { name: "GDAP", kind: "csp", homeTenantId: null, owner: "ana" },
    }),
  },
  {
    name: "get a credential",
    allowed: READERS_OF_COMPANY,
    companyScoped: true,
    scopedDenial: { status: 404, code: "not_found" },
    success: 200,
    request: (f) => ({ method: "GET", path: `/v1/credentials/${f.credentialId}` }),
  },
  {
    name: "update a credential",
    allowed: WRITERS,
    companyScoped: true,
    success: 200,
    request: (f) => ({
      method: "PATCH",
      path: `/v1/credentials/${f.credentialId}`,
      json: { owner: "bo" },
    }),
  },
  {
    name: "delete a credential",
    allowed: ADMIN,
    companyScoped: true,
    success: 204,
    request: (f) => ({ method: "DELETE", path: `/v1/credentials/${f.credentialId}` }),
  },
  {
    name: "list mappings",
    allowed: ALL,
    companyScoped: false,
    success: 200,
    request: () => ({ method: "GET", path: "/v1/mappings" }),
  },
  {
    name: "get a mapping",
    allowed: READERS_OF_COMPANY,
    companyScoped: true,
    scopedDenial: { status: 404, code: "not_found" },
    success: 200,
    request: (f) => ({ method: "GET", path: `/v1/mappings/${f.tenantId}` }),
  },
  {
    name: "map a tenant",
    allowed: WRITERS,
    companyScoped: true,
    success: 200,
    request: (f) => ({
      method: "PUT",
      path: `/v1/mappings/${randomUUID()}`,
      json: { companyId: f.companyId, credentialId: f.credentialId },
    }),
  },
  {
    name: "unmap a tenant",
    allowed: WRITERS,
    companyScoped: true,
    success: 204,
    request: (f) => ({ method: "DELETE", path: `/v1/mappings/${f.tenantId}` }),
  },
  {
    name: "push a snapshot",
    allowed: WRITERS,
    companyScoped: true,
    success: 201,
    request: (f) => {
      const envelope = buildEnvelope({ companyId: f.companyId });
      return {
        method: "PUT",
        path: `/v1/companies/${f.companyId}/snapshots/${envelope.snapshotId}`,
        body: gzipJson(envelope),
        headers: PUSH_HEADERS,
      };
    },
  },
  {
    name: "push a snapshot asynchronously",
    allowed: WRITERS,
    companyScoped: true,
    success: 202,
    request: (f) => {
      const envelope = buildEnvelope({ companyId: f.companyId });
      return {
        method: "PUT",
        path: `/v1/companies/${f.companyId}/snapshots/${envelope.snapshotId}`,
        body: gzipJson(envelope),
        headers: ASYNC_PUSH_HEADERS,
      };
    },
  },
  {
    name: "read the status of a queued push",
    allowed: READERS_OF_COMPANY,
    companyScoped: true,
    success: 200,
    request: (f) => ({
      method: "GET",
      path: `/v1/companies/${f.companyId}/pushes/${f.queuedSnapshotId}`,
    }),
  },
  {
    name: "read the status of a stored push",
    allowed: READERS_OF_COMPANY,
    companyScoped: true,
    success: 200,
    request: (f) => ({
      method: "GET",
      path: `/v1/companies/${f.companyId}/pushes/${f.olderSnapshotId}`,
    }),
  },
  {
    name: "list snapshots",
    allowed: READERS_OF_COMPANY,
    companyScoped: true,
    success: 200,
    request: (f) => ({ method: "GET", path: `/v1/companies/${f.companyId}/snapshots` }),
  },
  {
    name: "get the latest snapshot",
    allowed: READERS_OF_COMPANY,
    companyScoped: true,
    success: 200,
    request: (f) => ({ method: "GET", path: `/v1/companies/${f.companyId}/snapshots/latest` }),
  },
  {
    name: "diff two snapshots",
    allowed: READERS_OF_COMPANY,
    companyScoped: true,
    success: 200,
    request: (f) => ({
      method: "GET",
      path: `/v1/companies/${f.companyId}/snapshots/diff?from=${f.olderSnapshotId}&to=${f.newerSnapshotId}`,
    }),
  },
  {
    name: "get a snapshot",
    allowed: READERS_OF_COMPANY,
    companyScoped: true,
    success: 200,
    request: (f) => ({
      method: "GET",
      path: `/v1/companies/${f.companyId}/snapshots/${f.olderSnapshotId}`,
    }),
  },
  {
    name: "get one dataset",
    allowed: READERS_OF_COMPANY,
    companyScoped: true,
    success: 200,
    request: (f) => ({
      method: "GET",
      path: `/v1/companies/${f.companyId}/snapshots/${f.olderSnapshotId}/datasets/users`,
    }),
  },
  {
    name: "download a dataset as CSV",
    allowed: READERS_OF_COMPANY,
    companyScoped: true,
    success: 200,
    request: (f) => ({
      method: "GET",
      path: `/v1/companies/${f.companyId}/snapshots/${f.olderSnapshotId}/datasets/users/csv`,
    }),
  },
  {
    name: "findings of the latest snapshot",
    allowed: READERS_OF_COMPANY,
    companyScoped: true,
    success: 200,
    request: (f) => ({ method: "GET", path: `/v1/companies/${f.companyId}/findings` }),
  },
  {
    name: "list tokens",
    allowed: ADMIN,
    companyScoped: true,
    success: 200,
    request: () => ({ method: "GET", path: "/v1/tokens" }),
  },
  {
    name: "create a token",
    allowed: ADMIN,
    companyScoped: true,
    success: 201,
    request: () => ({ method: "POST", path: "/v1/tokens", json: { name: "bo", role: "viewer" } }),
  },
  {
    name: "revoke a token",
    allowed: ADMIN,
    companyScoped: true,
    success: 200,
    request: (f) => ({ method: "DELETE", path: `/v1/tokens/${f.tokenId}` }),
  },
  {
    name: "show the caller's own token",
    allowed: ALL,
    companyScoped: false,
    success: 200,
    request: () => ({ method: "GET", path: "/v1/tokens/self" }),
  },
  {
    name: "read the audit trail",
    allowed: ADMIN,
    companyScoped: true,
    success: 200,
    request: () => ({ method: "GET", path: "/v1/audit" }),
  },
];

/** Role checks come first (403 forbidden); a role that may act is then held to its companies. */
function expectedDenial(route: RouteCase, principal: Principal): { status: number; code: string } {
  const role =
    principal === "otherCompanyTechnician"
      ? "technician"
      : principal === "otherCompanyAdmin"
        ? "admin"
        : null;
  if (role !== null && route.companyScoped && route.allowed.includes(role)) {
    return route.scopedDenial ?? { status: 403, code: "company_forbidden" };
  }
  return { status: 403, code: "forbidden" };
}

async function seed(relay: TestRelay): Promise<Fixture> {
  const admin = { token: relay.secrets.admin };
  const company = await relay.request("POST", "/v1/companies", {
    ...admin,
    json: { name: `Company ${unique()}` },
  });
  const companyId = ((await company.json()) as { company: { id: string } }).company.id;
  const credential = await relay.request("POST", "/v1/credentials", {
    ...admin,
    json: { name: "Own", kind: "nonCsp", homeTenantId: null, owner: null },
  });
  const credentialId = ((await credential.json()) as { credential: { id: string } }).credential.id;
  const tenantId = randomUUID();
  await relay.request("PUT", `/v1/mappings/${tenantId}`, {
    ...admin,
    json: { companyId, credentialId },
  });
  const token = await relay.issue("viewer");
  const older = buildEnvelope({ companyId, capturedAt: "2026-11-01T00:00:00Z" });
  const newer = buildEnvelope({
    companyId,
    capturedAt: "2026-11-02T00:00:00Z",
    users: [userRow(1), userRow(4)],
  });
  for (const envelope of [older, newer]) {
    const pushed = await relay.request(
      "PUT",
      `/v1/companies/${companyId}/snapshots/${envelope.snapshotId}`,
      {
        ...admin,
        body: gzipJson(envelope),
        headers: PUSH_HEADERS,
      },
    );
    if (pushed.status !== 201)
      throw new Error(`seed push failed: ${pushed.status} ${await pushed.text()}`);
  }
  const queued = buildEnvelope({ companyId, capturedAt: "2026-11-03T00:00:00Z" });
  const accepted = await relay.request(
    "PUT",
    `/v1/companies/${companyId}/snapshots/${queued.snapshotId}`,
    { ...admin, body: gzipJson(queued), headers: ASYNC_PUSH_HEADERS },
  );
  if (accepted.status !== 202)
    throw new Error(`seed async push failed: ${accepted.status} ${await accepted.text()}`);
  return {
    companyId,
    tenantId,
    credentialId,
    tokenId: token.id,
    olderSnapshotId: older.snapshotId,
    newerSnapshotId: newer.snapshotId,
    queuedSnapshotId: queued.snapshotId,
  };
}

describe.each(DIALECTS)("every route for every role on %s", (dialect) => {
  let relay: TestRelay;
  let otherCompanyTechnician: string;
  let otherCompanyAdmin: string;
  beforeAll(async () => {
    relay = await createTestRelay(dialect);
    const other = await seed(relay);
    otherCompanyTechnician = (await relay.issue("technician", { companyScope: [other.companyId] }))
      .secret;
    otherCompanyAdmin = (await relay.issue("admin", { companyScope: [other.companyId] })).secret;
  });
  afterAll(async () => {
    await relay?.close();
  });

  const secretOf = (principal: Principal) =>
    principal === "otherCompanyTechnician"
      ? otherCompanyTechnician
      : principal === "otherCompanyAdmin"
        ? otherCompanyAdmin
        : relay.secrets[principal];

  describe.each(ROUTES)("$name", (route) => {
    it.each(ALL)("answers %s as the permission table says", async (principal) => {
      const fixture = await seed(relay);
      const { method, path, ...options } = route.request(fixture);
      const response = await relay.request(method, path, {
        ...options,
        token: secretOf(principal),
      });
      if (route.allowed.includes(principal)) {
        expect(response.status, await response.clone().text()).toBe(route.success);
      } else {
        const denial = expectedDenial(route, principal);
        expect(response.status).toBe(denial.status);
        expect(await errorCode(response)).toBe(denial.code);
      }
    });

    it("refuses a request without a token with 401", async () => {
      const fixture = await seed(relay);
      const { method, path, ...options } = route.request(fixture);
      const response = await relay.request(method, path, { ...options, token: null });
      expect(response.status).toBe(401);
      expect(await errorCode(response)).toBe("missing_token");
    });
  });

  it("answers the health and readiness checks without a token", async () => {
    const health = await relay.request("GET", "/v1/health", { token: null });
    expect(await health.json()).toEqual({ status: "ok" });
    const ready = await relay.request("GET", "/v1/health/ready", { token: null });
    expect(await ready.json()).toEqual({ status: "ready", database: dialect });
  });
});
