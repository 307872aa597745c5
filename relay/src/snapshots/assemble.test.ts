import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, DIALECTS, type TestDatabase } from "../../test/databases";
import { buildEnvelope, userRow } from "../../test/envelopes";
import { insertCompany } from "../db/companies";
import { getSnapshot } from "../db/snapshots";
import { assembleEnvelope, assembleEnvelopeJson } from "./assemble";
import { inlinePushPreparer } from "./push-preparer";
import { hashDatasetRows } from "./shared-core";
import { storePushedSnapshot } from "./store-push";

describe.each(DIALECTS)("reading a stored snapshot back on %s", (dialect) => {
  let test: TestDatabase;
  beforeAll(async () => {
    test = await createTestDatabase(dialect);
    await insertCompany(test.database.db, {
      id: "c-1",
      name: "Contoso",
      now: "2026-01-01T00:00:00.000Z",
    });
  });
  afterAll(async () => {
    await test?.destroy();
  });

  it("splices the same JSON text that serialising the rebuilt envelope gives, equal to the push", async () => {
    const envelope = buildEnvelope({
      companyId: "c-1",
      users: [userRow(1), userRow(2, { displayName: 'Quote " and \\ and ☃' })],
    });
    const withStatus = {
      ...envelope,
      datasets: {
        users: envelope.datasets.users,
        groups: {
          status: {
            state: "unavailable" as const,
            reasonCode: "Authorization_RequestDenied",
            detail: "No consent",
          },
          collectedAt: envelope.capturedAt,
          contentHash: hashDatasetRows("groups", []),
          rows: [],
        },
      },
    };
    const ready = await inlinePushPreparer.prepare(
      new TextEncoder().encode(JSON.stringify(withStatus)),
      {
        companyId: "c-1",
        snapshotId: envelope.snapshotId,
        receivedAt: "2026-11-26T10:00:00.000Z",
        tokenId: "t-1",
      },
    );
    const outcome = await storePushedSnapshot(test.database.db, ready, {
      actor: { tokenId: "t-1", name: "test" },
      pauseInsideTransactionMs: null,
    });
    expect(outcome.kind).toBe("created");
    const record = await getSnapshot(test.database.db, "c-1", envelope.snapshotId);
    if (record === undefined) throw new Error("not stored");
    const rebuilt = await assembleEnvelope(test.database.db, record);
    const spliced = await assembleEnvelopeJson(test.database.db, record);
    expect(spliced).toBe(JSON.stringify(rebuilt));
    expect(JSON.parse(spliced)).toEqual({ ...withStatus, capturedAt: "2026-11-26T09:00:00.000Z" });
  });
});
