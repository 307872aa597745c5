import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../../test/databases";
import type { RelayDatabase } from "../db/connect";
import type { NewIntake } from "../db/push-intake";
import { intakeWriterFor } from "./intake-writer";

const intake = (companyId: string): NewIntake => ({
  snapshotId: randomUUID(),
  companyId,
  tokenId: "t-1",
  actorName: "Ana",
  receivedAt: new Date().toISOString(),
  bodyColumn: null,
  bodyFile: "spooled.gz",
  bodyBytes: 1000,
  bodySha256: "0".repeat(64),
});

describe("committing accepted pushes on SQLite", () => {
  let test: TestDatabase;
  let transactions = 0;
  let counted: RelayDatabase;

  beforeAll(async () => {
    test = await createTestDatabase("sqlite");
    await test.database.db
      .insertInto("companies")
      .values({ id: "c-1", name: "Contoso", name_key: "contoso", created_at: "x", updated_at: "x" })
      .execute();
    const db = test.database.db;
    // Counts the transactions the writer opens.
    counted = {
      ...test.database,
      db: new Proxy(db, {
        get(target, property) {
          if (property === "transaction") transactions += 1;
          const value: unknown = Reflect.get(target, property, target);
          // Kysely's private fields need the real instance as `this`.
          return typeof value === "function" ? value.bind(target) : value;
        },
      }),
    };
  });
  afterAll(async () => {
    await test?.destroy();
  });

  it("commits rows arriving together in one transaction, failing only the bad one", async () => {
    const writer = intakeWriterFor(counted);
    const good = Array.from({ length: 5 }, () => intake("c-1"));
    const results = await Promise.allSettled([
      ...good.map((row) => writer.queue(row)),
      writer.queue(intake("no-such-company")),
    ]);
    expect(transactions).toBe(1);
    expect(results.slice(0, 5).map((r) => r.status)).toEqual(Array(5).fill("fulfilled"));
    expect(results.slice(0, 5).map((r) => (r.status === "fulfilled" ? r.value : null))).toEqual(
      Array(5).fill(true),
    );
    expect(results[5]?.status).toBe("rejected");
    const stored = await test.database.db.selectFrom("push_intake").select("snapshot_id").execute();
    expect(stored.map((row) => row.snapshot_id).sort()).toEqual(
      good.map((row) => row.snapshotId).sort(),
    );
  });

  it("answers false, writing nothing, for an id still queued", async () => {
    const writer = intakeWriterFor(counted);
    const first = intake("c-1");
    expect(await writer.queue(first)).toBe(true);
    expect(await writer.queue({ ...first, bodySha256: "1".repeat(64) })).toBe(false);
  });
});
