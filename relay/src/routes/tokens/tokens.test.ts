import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DIALECTS } from "../../../test/databases";
import { createTestRelay, errorCode, type TestRelay } from "../../../test/test-relay";

interface CreatedToken {
  token: { id: string; role: string; expiresAt: string };
  secret: string;
}

describe.each(DIALECTS)("token routes on %s", (dialect) => {
  let relay: TestRelay;
  beforeAll(async () => {
    relay = await createTestRelay(dialect);
  });
  afterAll(async () => {
    await relay?.close();
  });

  const createToken = async (json: unknown) =>
    (await (await relay.request("POST", "/v1/tokens", { json })).json()) as CreatedToken;

  it("shows a new token's secret once, and never again in the list", async () => {
    const created = await createToken({ name: "bo", role: "technician" });
    expect(created.secret).toMatch(/^tl_[A-Za-z0-9_-]{43}$/);
    const list = await (await relay.request("GET", "/v1/tokens")).text();
    expect(list).toContain(created.token.id);
    expect(list).not.toContain(created.secret);
    const self = await relay.request("GET", "/v1/tokens/self", { token: created.secret });
    expect(((await self.json()) as { principal: { role: string } }).principal.role).toBe(
      "technician",
    );
  });

  it("expires a token after the requested number of days", async () => {
    const created = await createToken({ name: "short", role: "viewer", expiresInDays: 1 });
    expect((await relay.request("GET", "/v1/companies", { token: created.secret })).status).toBe(
      200,
    );
    const saved = relay.clock.now;
    relay.clock.now = new Date(saved.getTime() + 25 * 60 * 60 * 1000);
    try {
      const expired = await relay.request("GET", "/v1/companies", { token: created.secret });
      expect([expired.status, await errorCode(expired)]).toEqual([401, "token_expired"]);
    } finally {
      relay.clock.now = saved;
    }
  });

  it("revokes a token at once", async () => {
    const created = await createToken({ name: "leaver", role: "technician" });
    expect((await relay.request("DELETE", `/v1/tokens/${created.token.id}`)).status).toBe(200);
    const after = await relay.request("GET", "/v1/companies", { token: created.secret });
    expect([after.status, await errorCode(after)]).toEqual([401, "token_revoked"]);
  });

  it("refuses malformed, unknown and differently-schemed credentials with 401", async () => {
    const cases: [Record<string, string>, string][] = [
      [{ authorization: "Bearer nope" }, "invalid_token"],
      [{ authorization: `Bearer tl_${"A".repeat(43)}` }, "invalid_token"],
      [{ authorization: `Basic ${Buffer.from("a:b").toString("base64")}` }, "invalid_token"],
    ];
    for (const [headers, code] of cases) {
      const response = await relay.request("GET", "/v1/companies", { token: null, headers });
      expect(response.status).toBe(401);
      expect(response.headers.get("www-authenticate")).toBe("Bearer");
      expect(await errorCode(response)).toBe(code);
    }
  });

  it("refuses an unknown role or a too-long lifetime with 422", async () => {
    expect(
      (await relay.request("POST", "/v1/tokens", { json: { name: "x", role: "owner" } })).status,
    ).toBe(422);
    expect(
      (
        await relay.request("POST", "/v1/tokens", {
          json: { name: "x", role: "viewer", expiresInDays: 10_000 },
        })
      ).status,
    ).toBe(422);
  });

  it("records token creation and revocation in the audit trail without the secret", async () => {
    const created = await createToken({ name: "audited", role: "viewer" });
    await relay.request("DELETE", `/v1/tokens/${created.token.id}`);
    const trail = await (await relay.request("GET", "/v1/audit")).text();
    expect(trail).not.toContain(created.secret);
    const events = (JSON.parse(trail) as { events: { action: string; targetId: string }[] }).events;
    expect(events.filter((e) => e.targetId === created.token.id).map((e) => e.action)).toEqual([
      "token.revoke",
      "token.create",
    ]);
  });
});
