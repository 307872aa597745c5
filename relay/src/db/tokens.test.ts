import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, DIALECTS, type TestDatabase } from "../../test/databases";
import { ensureFirstAdminToken } from "../auth/first-admin";
import { issueToken } from "../auth/issue-token";
import { hashTokenSecret } from "../auth/token-secret";
import { listAuditEvents, recordAuditEvent } from "./audit-events";
import { countTokens, findTokenByHash, getToken, listTokens, revokeToken } from "./tokens";

const NOW = "2026-11-26T10:00:00.000Z";

describe.each(DIALECTS)("tokens and audit repositories on %s", (dialect) => {
  let test: TestDatabase;
  beforeAll(async () => {
    test = await createTestDatabase(dialect);
  });
  afterAll(async () => {
    await test?.destroy();
  });

  it("creates the first admin token once, on an empty store only", async () => {
    const db = test.database.db;
    const [first, second] = await Promise.all([
      ensureFirstAdminToken(db, NOW),
      ensureFirstAdminToken(db, NOW),
    ]);
    const created = [first, second].filter((issued) => issued !== null);
    expect(created).toHaveLength(1);
    expect(created[0]?.record.role).toBe("admin");
    expect(await countTokens(db)).toBe(1);
    expect(await ensureFirstAdminToken(db, NOW)).toBeNull();
  });

  it("stores only the hash of a token's secret and finds the token by it", async () => {
    const db = test.database.db;
    const issued = await issueToken(db, {
      name: "ana",
      role: "technician",
      expiresAt: "2027-01-01T00:00:00.000Z",
      companyScope: ["c-1", "c-2"],
      createdByTokenId: "first-admin",
      now: NOW,
    });
    const rows = await db.selectFrom("tokens").selectAll().execute();
    expect(JSON.stringify(rows)).not.toContain(issued.secret);
    const found = await findTokenByHash(db, hashTokenSecret(issued.secret));
    expect(found).toEqual(issued.record);
    expect(found?.companyScope).toEqual(["c-1", "c-2"]);
    expect(await findTokenByHash(db, hashTokenSecret(`${issued.secret}x`))).toBeUndefined();
  });

  it("keeps the first revocation time when a token is revoked twice", async () => {
    const db = test.database.db;
    const [token] = (await listTokens(db)).filter((t) => t.name === "ana");
    if (token === undefined) throw new Error("token from the previous test is missing");
    await revokeToken(db, token.id, "2026-11-27T00:00:00.000Z");
    await revokeToken(db, token.id, "2026-11-28T00:00:00.000Z");
    expect((await getToken(db, token.id))?.revokedAt).toBe("2026-11-27T00:00:00.000Z");
  });

  it("pages the audit trail newest first", async () => {
    const db = test.database.db;
    for (const [index, at] of [
      "2026-01-01T00:00:00.000Z",
      "2026-01-02T00:00:00.000Z",
      "2026-01-02T00:00:00.000Z",
    ].entries()) {
      await recordAuditEvent(db, {
        id: `event-${index}`,
        at,
        actorTokenId: null,
        actorName: "cli",
        action: "test.event",
        targetType: "test",
        targetId: String(index),
        detail: { index },
      });
    }
    const first = await listAuditEvents(db, { limit: 2 });
    expect(first.map((e) => e.id)).toEqual(["event-2", "event-1"]);
    const last = first.at(-1);
    if (last === undefined) throw new Error("empty page");
    const second = await listAuditEvents(db, { limit: 2, before: { at: last.at, id: last.id } });
    expect(second.map((e) => e.id)).toEqual(["event-0"]);
    expect(second[0]?.detail).toEqual({ index: 0 });
  });
});
