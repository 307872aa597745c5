import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { connectDatabase, type RelayDatabase } from "../../relay/src/db/connect";
import { createEmptyDatabaseUrl } from "../../relay/test/databases";
import { buildEnvelope, userRow } from "../../relay/test/envelopes";
import { relayClient } from "./support/http-client";
import { type RelayProcess, startRelayProcess } from "./support/relay-process";

/**
 * Acceptance 5: two relay processes on one PostgreSQL database. They start together (one
 * migration, one first admin token), serve the same data, and racing pushes of one snapshot
 * store it once.
 */
describe("two relay processes on one PostgreSQL", () => {
  let a: RelayProcess;
  let b: RelayProcess;
  let drop: () => Promise<void>;
  let inspect: RelayDatabase;
  let admin: string;

  beforeAll(async () => {
    const database = await createEmptyDatabaseUrl("postgres");
    drop = database.drop;
    [a, b] = await Promise.all([
      startRelayProcess({ RELAY_DATABASE_URL: database.url }),
      startRelayProcess({ RELAY_DATABASE_URL: database.url }),
    ]);
    const secrets = [a.firstAdminSecret, b.firstAdminSecret].filter((s) => s !== null);
    expect(secrets).toHaveLength(1);
    admin = secrets[0] ?? "";
    inspect = connectDatabase(database.url);
  }, 120_000);
  afterAll(async () => {
    await Promise.all([a?.stop(), b?.stop()]);
    await inspect?.close();
    await drop?.();
  });

  it("reads through one instance a company created through the other", async () => {
    const companyId = await relayClient(a.url, admin).createCompany("Shared Ltd");
    const response = await relayClient(b.url, admin).call("GET", `/v1/companies/${companyId}`);
    expect(response.status).toBe(200);
    expect(((await response.json()) as { company: { name: string } }).company.name).toBe(
      "Shared Ltd",
    );
  });

  it("stores a snapshot pushed to both instances at once exactly once", async () => {
    const companyId = await relayClient(a.url, admin).createCompany("Race Ltd");
    for (let round = 0; round < 8; round += 1) {
      const users = Array.from({ length: 300 }, (_, i) =>
        userRow(i, { displayName: `Round ${round} user ${i}` }),
      );
      const envelope = buildEnvelope({ companyId, users });
      const statuses = await Promise.all(
        [a, b].map(
          async (instance) =>
            (await relayClient(instance.url, admin).push(companyId, envelope)).status,
        ),
      );
      expect(statuses.sort()).toEqual([200, 201]);
      const rows = await inspect.db
        .selectFrom("snapshots")
        .select("id")
        .where("id", "=", envelope.snapshotId)
        .execute();
      expect(rows).toHaveLength(1);
    }
    const blobs = await inspect.db.selectFrom("dataset_blobs").select("content_hash").execute();
    expect(new Set(blobs.map((blob) => blob.content_hash)).size).toBe(blobs.length);
    const audited = await inspect.db
      .selectFrom("audit_events")
      .select("id")
      .where("action", "=", "snapshot.push")
      .execute();
    expect(audited).toHaveLength(8);
  });

  it("lets one of two racing pushes of different content under one id win, and refuses the other with 409", async () => {
    const companyId = await relayClient(b.url, admin).createCompany("Conflict Ltd");
    const first = buildEnvelope({ companyId, users: [userRow(1)] });
    const second = buildEnvelope({ companyId, snapshotId: first.snapshotId, users: [userRow(2)] });
    const statuses = await Promise.all([
      relayClient(a.url, admin)
        .push(companyId, first)
        .then((r) => r.status),
      relayClient(b.url, admin)
        .push(companyId, second)
        .then((r) => r.status),
    ]);
    expect(statuses.sort()).toEqual([201, 409]);
  });
});
