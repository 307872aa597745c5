import { expect } from "vitest";
import { createIntakeProcessor, type IntakeProcessorOptions } from "../src/intake/intake-processor";
import { createLogger } from "../src/logger";
import { inlinePushPreparer } from "../src/snapshots/push-preparer";
import { buildEnvelope, gzipJson, PUSH_HEADERS } from "./envelopes";
import type { TestRelay } from "./test-relay";

/** Pushes a small snapshot with `Prefer: respond-async`, expects 202, returns its id. */
export async function queueAsyncPush(relay: TestRelay, companyId: string): Promise<string> {
  const envelope = buildEnvelope({ companyId });
  const response = await relay.request(
    "PUT",
    `/v1/companies/${companyId}/snapshots/${envelope.snapshotId}`,
    { body: gzipJson(envelope), headers: { ...PUSH_HEADERS, prefer: "respond-async" } },
  );
  expect(response.status).toBe(202);
  return envelope.snapshotId;
}

/**
 * An intake processor of its own on a test relay's store and spool, besides the relay's one:
 * inline preparation, one push at a time, no polling to speak of. `overrides` set the rest.
 */
export function testIntakeProcessor(
  relay: TestRelay,
  overrides: Partial<IntakeProcessorOptions> = {},
) {
  return createIntakeProcessor({
    database: relay.testDatabase.database,
    bodies: relay.intakeBodies,
    preparer: inlinePushPreparer,
    logger: createLogger("silent"),
    maxDecompressedBytes: 1024 * 1024,
    concurrency: 1,
    pollMs: 60_000,
    leaseMs: 60_000,
    ...overrides,
  });
}
