import { randomUUID } from "node:crypto";
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { dereference, validate } from "@readme/openapi-parser";
import { Ajv2020, type ValidateFunction } from "ajv/dist/2020";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parse } from "yaml";
import { buildEnvelope, gzipJson, PUSH_HEADERS, TEST_TENANT_ID, userRow } from "../test/envelopes";
import {
  createTestRelay,
  errorCode,
  type RequestOptions,
  type TestRelay,
} from "../test/test-relay";
import { type Permission, roleAllows } from "./auth/permissions";
import { ROLES } from "./db/tokens";

/**
 * docs/openapi.yaml describes the relay's HTTP API v1. These tests fail when it and the app
 * drift apart: a route the app serves that the spec lacks, a spec operation the app does not
 * serve, an operation whose `x-roles` differ from what the relay lets each role do, or an answer
 * whose status the operation does not list or whose body its schema refuses.
 */
const SPEC_PATH = fileURLToPath(new URL("../../docs/openapi.yaml", import.meta.url));

const HTTP_METHODS = ["get", "put", "post", "delete", "options", "head", "patch", "trace"] as const;

interface MediaType {
  schema?: object;
}

interface SpecResponse {
  content?: Record<string, MediaType>;
}

interface SpecOperation {
  security?: unknown[];
  requestBody?: { content: Record<string, MediaType> };
  responses: Record<string, SpecResponse>;
  "x-roles"?: unknown;
  "x-permission"?: unknown;
}

interface Spec {
  openapi: string;
  paths: Record<string, Partial<Record<(typeof HTTP_METHODS)[number], SpecOperation>>>;
  components: { schemas: Record<string, object> };
}

const specText = readFileSync(SPEC_PATH, "utf8");
const spec = parse(specText) as Spec;

/** "GET /v1/companies/{companyId}" for every operation of the spec. */
function specOperations(document: Spec = spec): Map<string, SpecOperation> {
  const operations = new Map<string, SpecOperation>();
  for (const [path, item] of Object.entries(document.paths)) {
    for (const method of HTTP_METHODS) {
      const operation = item[method];
      if (operation !== undefined) operations.set(`${method.toUpperCase()} ${path}`, operation);
    }
  }
  return operations;
}

/**
 * The same for the routes the Hono app registers, `:param` written `{param}`. `app.use()`
 * middleware appears in `app.routes` as method ALL on a path ending in `*`; it serves nothing by
 * itself. A route with several handlers (guards, then the handler) is listed once per handler.
 */
function appOperations(relay: TestRelay): Set<string> {
  const operations = new Set<string>();
  for (const route of relay.app.routes) {
    if (route.method === "ALL" && route.path.endsWith("*")) continue;
    const path = route.path.replace(/:([A-Za-z0-9_]+)/g, "{$1}");
    operations.add(`${route.method} ${path}`);
  }
  return operations;
}

/** A syntactically valid value for each path parameter, so role checks run before lookups fail. */
const SAMPLE_PARAMS: Record<string, string> = {
  companyId: "00000000-0000-4000-8000-00000000c0de",
  credentialId: "00000000-0000-4000-8000-00000000c4ed",
  tenantId: "00000000-0000-4000-8000-0000000007e7",
  snapshotId: "00000000-0000-4000-8000-000000005a45",
  datasetId: "users",
  tokenId: "00000000-0000-4000-8000-0000000070c3",
};

function samplePath(template: string): string {
  return template.replace(/\{([^}]+)\}/g, (_, name: string) => {
    const value = SAMPLE_PARAMS[name];
    if (value === undefined) throw new Error(`No sample value for path parameter {${name}}`);
    return value;
  });
}

/**
 * Every JSON schema of the spec (components, request bodies, responses), with $refs resolved,
 * compiled in Ajv's strict mode: a misspelt type or keyword fails here, which the OpenAPI 3.1
 * meta-schema leaves to JSON Schema and so does not check. `format` is documentation only.
 */
function compileSchemas(document: Spec) {
  const ajv = new Ajv2020({ strict: true, validateFormats: false, allErrors: true });
  const compile = (where: string, schema: object): ValidateFunction => {
    try {
      return ajv.compile(schema);
    } catch (error) {
      throw new Error(`${where}: ${error instanceof Error ? error.message : String(error)}`);
    }
  };
  for (const [name, schema] of Object.entries(document.components.schemas)) {
    compile(`components.schemas.${name}`, schema);
  }
  const responses = new Map<string, ValidateFunction>();
  for (const [name, operation] of specOperations(document)) {
    for (const [type, media] of Object.entries(operation.requestBody?.content ?? {})) {
      if (media.schema !== undefined) compile(`${name} request ${type}`, media.schema);
    }
    for (const [status, response] of Object.entries(operation.responses)) {
      const schema = response.content?.["application/json"]?.schema;
      if (schema !== undefined) {
        responses.set(`${name} ${status}`, compile(`${name} ${status}`, schema));
      }
    }
  }
  return responses;
}

/** The spec with every $ref resolved; dereference() works in place, so on a copy of its own. */
async function resolvedSpec(): Promise<Spec> {
  return (await dereference(parse(specText))) as unknown as Spec;
}

/**
 * A checker of answers against the (resolved) spec: the status is one the operation lists, and a
 * JSON body fits the schema listed for it. Returns what does not fit.
 */
function answerChecker(resolved: Spec) {
  const operations = specOperations(resolved);
  const validators = compileSchemas(resolved);
  const check = async (name: string, response: Response): Promise<string[]> => {
    const answer = `${name} ${response.status}`;
    if (operations.get(name)?.responses[String(response.status)] === undefined) {
      return [`${answer}: status not listed`];
    }
    const validator = validators.get(answer);
    if (validator === undefined || validator(await response.json())) return [];
    return [`${answer}: ${JSON.stringify(validator.errors)}`];
  };
  return Object.assign(check, { operations });
}

describe("docs/openapi.yaml", () => {
  let relay: TestRelay;

  beforeAll(async () => {
    relay = await createTestRelay("sqlite");
  });
  afterAll(async () => {
    await relay?.close();
  });

  it("is a valid OpenAPI 3.1 document", async () => {
    expect(spec.openapi).toMatch(/^3\.1\.\d+$/);
    // validate() dereferences in place: give it its own copy.
    const result = await validate(parse(specText));
    expect(result.valid ? [] : result.errors.map((error) => error.message)).toEqual([]);
    expect(result.warnings).toEqual([]);
  });

  it("has JSON schemas that compile in strict mode", async () => {
    const resolved = await resolvedSpec();
    expect(() => compileSchemas(resolved)).not.toThrow();
  });

  it("describes every route the relay app serves, and no route it does not serve", () => {
    const served = appOperations(relay);
    const described = new Set(specOperations().keys());
    expect(served.size).toBeGreaterThan(0);
    const missingFromSpec = [...served].filter((operation) => !described.has(operation)).sort();
    const notServed = [...described].filter((operation) => !served.has(operation)).sort();
    expect({ missingFromSpec, notServed }).toEqual({ missingFromSpec: [], notServed: [] });
  });

  it("lists, for every authenticated operation, the roles its permission grants", () => {
    const mismatches: string[] = [];
    for (const [name, operation] of specOperations()) {
      const needsToken = operation.security === undefined || operation.security.length > 0;
      const roles = operation["x-roles"];
      if (!needsToken) {
        if (roles !== undefined) mismatches.push(`${name}: x-roles on a route without a token`);
        continue;
      }
      if (!Array.isArray(roles)) {
        mismatches.push(`${name}: no x-roles`);
        continue;
      }
      const permission = operation["x-permission"];
      // No x-permission: any valid token (GET /v1/tokens/self).
      const granted = ROLES.filter(
        (role) => permission === undefined || roleAllows(role, permission as Permission),
      );
      if ([...roles].sort().join() !== [...granted].sort().join()) {
        mismatches.push(`${name}: x-roles [${roles}], permission grants [${granted}]`);
      }
    }
    expect(mismatches).toEqual([]);
  });

  it("answers 403 forbidden to exactly the roles missing from an operation's x-roles", async () => {
    const mismatches: string[] = [];
    for (const [name, operation] of specOperations()) {
      const roles = operation["x-roles"];
      if (!Array.isArray(roles)) continue;
      const [method = "", template = ""] = name.split(" ");
      for (const role of ROLES) {
        // Sample ids name nothing, so no request below changes anything: a role that may act
        // gets 400/404/415 for the missing body or object, one that may not gets 403 first.
        const response = await relay.request(method, samplePath(template), {
          token: relay.secrets[role],
        });
        const refused = response.status === 403 && (await errorCode(response)) === "forbidden";
        if (refused === roles.includes(role)) {
          mismatches.push(`${name} as ${role}: ${response.status}, x-roles [${roles}]`);
        }
      }
    }
    expect(mismatches).toEqual([]);
  });

  it("lists the status of each refusal and describes its body", async () => {
    const check = answerChecker(await resolvedSpec());
    const mismatches: string[] = [];
    for (const [name, operation] of check.operations) {
      const [method = "", template = ""] = name.split(" ");
      const needsToken = operation.security === undefined || operation.security.length > 0;
      const tokens = needsToken ? [null, ...ROLES.map((role) => relay.secrets[role])] : [null];
      for (const token of tokens) {
        const response = await relay.request(method, samplePath(template), { token });
        mismatches.push(...(await check(name, response)));
      }
    }
    expect(mismatches).toEqual([]);
  });

  it("describes the answers of a working session, push to revocation", async () => {
    const check = answerChecker(await resolvedSpec());
    const mismatches: string[] = [];
    /** Calls one operation, expects `status` and checks the answer; returns its JSON body. */
    const call = async (
      name: string,
      params: Record<string, string>,
      status: number,
      options: RequestOptions & { query?: string } = {},
    ): Promise<Record<string, unknown>> => {
      const [method = "", template = ""] = name.split(" ");
      const path = template.replace(/\{([^}]+)\}/g, (_, key: string) => params[key] ?? `{${key}}`);
      const response = await relay.request(method, `${path}${options.query ?? ""}`, options);
      if (response.status !== status) {
        mismatches.push(`${name}: ${response.status} ${await response.text()}, expected ${status}`);
        return {};
      }
      mismatches.push(...(await check(name, response.clone())));
      const isJson = response.headers.get("content-type")?.startsWith("application/json");
      return isJson === true ? ((await response.json()) as Record<string, unknown>) : {};
    };
    const identity = { "accept-encoding": "identity" };

    await call("GET /v1/health", {}, 200, { token: null });
    await call("GET /v1/health/ready", {}, 200, { token: null });
    const { company } = (await call("POST /v1/companies", {}, 201, {
      json: { name: "Contoso" },
    })) as { company: { id: string } };
    const companyId = company.id;
    await call("POST /v1/companies/import", {}, 200, {
      json: { companies: [{ name: "Contoso" }, { name: "Fabrikam", tenantIds: [randomUUID()] }] },
    });
    await call("GET /v1/companies", {}, 200);
    await call("GET /v1/companies/{companyId}", { companyId }, 200);
    await call("PATCH /v1/companies/{companyId}", { companyId }, 200, {
      json: { name: "Contoso Ltd" },
    });
    const { credential } = (await call("POST /v1/credentials", {}, 201, {
      json: { name: "Partner", kind: "csp", homeTenantId: randomUUID(), owner: null },
    })) as { credential: { id: string } };
    const credentialId = credential.id;
    await call("GET /v1/credentials", {}, 200);
    await call("GET /v1/credentials/{credentialId}", { credentialId }, 200);
    await call("PATCH /v1/credentials/{credentialId}", { credentialId }, 200, {
      json: { owner: "ana@msp.example" },
    });
    const tenantId = TEST_TENANT_ID;
    await call("PUT /v1/mappings/{tenantId}", { tenantId }, 200, {
      json: { companyId, credentialId },
    });
    await call("GET /v1/mappings", {}, 200, { query: `?companyId=${companyId}` });
    await call("GET /v1/mappings/{tenantId}", { tenantId }, 200);

    const push = "PUT /v1/companies/{companyId}/snapshots/{snapshotId}";
    const older = buildEnvelope({ companyId, capturedAt: "2026-11-25T09:00:00Z" });
    const newer = buildEnvelope({ companyId, users: [userRow(1), userRow(4)] });
    const olderPush = { headers: PUSH_HEADERS, body: gzipJson(older) };
    const newerPush = {
      headers: { ...PUSH_HEADERS, prefer: "respond-async" },
      body: gzipJson(newer),
    };
    await call(push, { companyId, snapshotId: older.snapshotId }, 201, olderPush);
    await call(push, { companyId, snapshotId: older.snapshotId }, 200, olderPush);
    await call(push, { companyId, snapshotId: newer.snapshotId }, 202, newerPush);
    const status = "GET /v1/companies/{companyId}/pushes/{snapshotId}";
    await call(status, { companyId, snapshotId: newer.snapshotId }, 200);
    await relay.drainIntake();
    await call(push, { companyId, snapshotId: newer.snapshotId }, 200, newerPush);
    await call(status, { companyId, snapshotId: newer.snapshotId }, 200);
    await call(status, { companyId, snapshotId: older.snapshotId }, 200);

    const snapshots = "/v1/companies/{companyId}/snapshots";
    await call(`GET ${snapshots}`, { companyId }, 200, { query: "?limit=1" });
    const latest = await relay.request("GET", `/v1/companies/${companyId}/snapshots/latest`, {
      headers: identity,
    });
    const etag = latest.headers.get("etag") ?? "";
    mismatches.push(...(await check(`GET ${snapshots}/latest`, latest)));
    await call(`GET ${snapshots}/latest`, { companyId }, 304, {
      headers: { "if-none-match": etag },
    });
    const read = { companyId, snapshotId: older.snapshotId, datasetId: "users" };
    await call(`GET ${snapshots}/{snapshotId}`, read, 200, { headers: identity });
    await call(`GET ${snapshots}/diff`, { companyId }, 200, {
      query: `?from=${older.snapshotId}&to=${newer.snapshotId}`,
      headers: identity,
    });
    await call(`GET ${snapshots}/{snapshotId}/datasets/{datasetId}`, read, 200, {
      headers: identity,
    });
    await call(`GET ${snapshots}/{snapshotId}/datasets/{datasetId}/csv`, read, 200, {
      query: "?bom=0",
    });
    await call("GET /v1/companies/{companyId}/findings", { companyId }, 200, { headers: identity });

    await call("GET /v1/tokens/self", {}, 200, { token: relay.secrets.viewer });
    const { token } = (await call("POST /v1/tokens", {}, 201, {
      json: { name: "Ana", role: "technician", companyIds: [companyId] },
    })) as { token: { id: string } };
    await call("GET /v1/tokens", {}, 200);
    await call("DELETE /v1/tokens/{tokenId}", { tokenId: token.id }, 200);
    await call("GET /v1/audit", {}, 200, { query: "?limit=5" });

    await call("DELETE /v1/mappings/{tenantId}", { tenantId }, 204);
    await call("DELETE /v1/credentials/{credentialId}", { credentialId }, 204);
    await call("DELETE /v1/companies/{companyId}", { companyId }, 204);
    expect(mismatches).toEqual([]);
  });
});
