import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { EXTENSION_ID } from "../../shared/src/extension-identity";
import { createTestDatabase, DIALECTS, type TestDatabase } from "../test/databases";
import { buildEnvelope, gzipJson, PUSH_HEADERS } from "../test/envelopes";
import { createApp } from "./app";
import { issueToken } from "./auth/issue-token";
import { parseRelayConfig } from "./env";
import { createLogger } from "./logger";

const EXTENSION_ORIGIN = `chrome-extension://${EXTENSION_ID}`;

describe.each(DIALECTS)("cross-cutting behaviour of the app on %s", (dialect) => {
  let test: TestDatabase;
  let app: ReturnType<typeof createApp>;
  let secret: string;
  const logLines: string[] = [];

  beforeAll(async () => {
    test = await createTestDatabase(dialect);
    const config = parseRelayConfig({
      RELAY_DATABASE_URL: test.url,
      RELAY_RATE_LIMIT_PER_MINUTE: "40",
      RELAY_MAX_JSON_BYTES: "1024",
    });
    const logger = createLogger("info", { write: (line: string) => void logLines.push(line) });
    app = createApp({ database: test.database, config, logger });
    secret = (
      await issueToken(test.database.db, {
        name: "ana",
        role: "admin",
        expiresAt: null,
        companyScope: null,
        createdByTokenId: null,
        now: new Date().toISOString(),
      })
    ).secret;
  });
  afterAll(async () => {
    await test?.destroy();
  });

  const call = (path: string, init: RequestInit & { headers?: Record<string, string> } = {}) =>
    app.request(path, { ...init, headers: { authorization: `Bearer ${secret}`, ...init.headers } });

  it("renders a constraint race as 409 and anything unexpected as a 500 that leaks no detail", async () => {
    // Routes added for this test only, to make the app's error boundary see these failures.
    app.get("/v1/test-only/fk-race", () => {
      throw Object.assign(new Error("insert or update violates foreign key constraint"), {
        code: "23503",
      });
    });
    app.get("/v1/test-only/bug", () => {
      throw new Error("secret internal detail");
    });
    const race = await call("/v1/test-only/fk-race");
    expect(race.status).toBe(409);
    expect(((await race.json()) as { error: { code: string } }).error.code).toBe(
      "concurrent_change",
    );
    const bug = await call("/v1/test-only/bug", { headers: { "x-request-id": "bug-1" } });
    expect(bug.status).toBe(500);
    const text = await bug.text();
    expect(text).not.toContain("secret internal detail");
    expect(JSON.parse(text)).toEqual({
      error: { code: "internal_error", message: "Unexpected error (request bug-1)" },
    });
  });

  it("answers an unknown route with a JSON 404", async () => {
    const response = await call("/v1/nothing-here");
    expect(response.status).toBe(404);
    expect(await response.json()).toEqual({
      error: { code: "not_found", message: "No such route" },
    });
  });

  it("allows CORS only for the pinned extension origin", async () => {
    const preflight = await app.request("/v1/companies", {
      method: "OPTIONS",
      headers: { origin: EXTENSION_ORIGIN, "access-control-request-method": "PUT" },
    });
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get("access-control-allow-origin")).toBe(EXTENSION_ORIGIN);
    // An asynchronous push and a conditional read need these from a browser.
    const allowedHeaders = (preflight.headers.get("access-control-allow-headers") ?? "")
      .toLowerCase()
      .split(",");
    expect(allowedHeaders).toEqual(
      expect.arrayContaining(["prefer", "if-none-match", "content-encoding", "authorization"]),
    );
    const allowed = await call("/v1/companies", { headers: { origin: EXTENSION_ORIGIN } });
    expect(allowed.status).toBe(200);
    expect(allowed.headers.get("access-control-allow-origin")).toBe(EXTENSION_ORIGIN);
    const exposed = (allowed.headers.get("access-control-expose-headers") ?? "")
      .toLowerCase()
      .split(",");
    expect(exposed).toEqual(
      expect.arrayContaining(["location", "etag", "preference-applied", "retry-after"]),
    );
    for (const origin of [
      "https://evil.example",
      "chrome-extension://aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa",
    ]) {
      const refused = await call("/v1/companies", { headers: { origin } });
      expect(refused.status).toBe(403);
      expect(refused.headers.get("access-control-allow-origin")).toBeNull();
    }
  });

  it("echoes a request id and logs one line per request with it, never the token", async () => {
    const envelope = buildEnvelope();
    const company = await call("/v1/companies", {
      method: "POST",
      headers: { "content-type": "application/json", "x-request-id": "trace-123" },
      body: JSON.stringify({ name: `Logged ${dialect}` }),
    });
    expect(company.headers.get("x-request-id")).toBe("trace-123");
    const companyId = ((await company.json()) as { company: { id: string } }).company.id;
    await call(`/v1/companies/${companyId}/snapshots/${envelope.snapshotId}`, {
      method: "PUT",
      headers: PUSH_HEADERS,
      body: gzipJson(envelope),
    });
    const lines = logLines.map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(lines.find((line) => line.requestId === "trace-123")).toMatchObject({
      method: "POST",
      status: 201,
    });
    expect(logLines.join("\n")).not.toContain(secret);
    expect(logLines.join("\n")).not.toContain(secret.slice(3));
  });

  it("masks authorization headers and token fields if a log line ever carries them", () => {
    const captured: string[] = [];
    const logger = createLogger("info", { write: (line: string) => void captured.push(line) });
    logger.info(
      { headers: { authorization: `Bearer ${secret}` }, token: secret, body: { token: secret } },
      "oops",
    );
    expect(captured.join("")).not.toContain(secret);
    expect(captured.join("")).toContain("[redacted]");
  });

  it("refuses a JSON body over the limit with 413 before parsing it", async () => {
    const response = await call("/v1/companies", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ name: "x".repeat(5000) }),
    });
    expect(response.status).toBe(413);
  });

  it("limits requests per token with 429 and Retry-After", async () => {
    let limited: Response | undefined;
    for (let i = 0; i < 60 && limited === undefined; i += 1) {
      const response = await call("/v1/tokens/self");
      if (response.status === 429) limited = response;
    }
    if (limited === undefined) throw new Error("never rate limited");
    expect(limited.headers.get("retry-after")).toMatch(/^\d+$/);
    expect(((await limited.json()) as { error: { code: string } }).error.code).toBe("rate_limited");
  });
});
