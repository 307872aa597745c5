import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseRelayConfig } from "../../relay/src/env";
import { createLogger } from "../../relay/src/logger";
import { type RunningRelay, startRelay } from "../../relay/src/server";
import { buildEnvelope, userRow } from "../../relay/test/envelopes";
import { relayClient } from "./support/http-client";
import { type PrivatePostgres, startPrivatePostgres } from "./support/private-postgres";

const CLIENTS = 4;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

interface Attempt {
  snapshotId: string;
  envelope?: ReturnType<typeof buildEnvelope>;
  status: number;
  code: string | null;
  phase: "before" | "down" | "after";
}

/**
 * Acceptance 3: a private PostgreSQL (started by this test, on a spare port) is crash-stopped
 * while clients push. While it is down the relay answers 503 database_unavailable (never 500);
 * once it is back pushes succeed, and every push the relay acknowledged is still there.
 */
describe("PostgreSQL restarted under load", () => {
  let postgres: PrivatePostgres;
  let relay: RunningRelay;
  let client: ReturnType<typeof relayClient>;
  let companyId: string;

  beforeAll(async () => {
    postgres = await startPrivatePostgres();
    const config = parseRelayConfig({
      RELAY_DATABASE_URL: postgres.url,
      RELAY_PORT: "0",
      RELAY_RATE_LIMIT_PER_MINUTE: "100000",
    });
    relay = await startRelay(config, createLogger("silent"));
    if (relay.firstAdminSecret === null) throw new Error("no first admin token");
    client = relayClient(relay.url, relay.firstAdminSecret);
    companyId = await client.createCompany("Restart Ltd");
  }, 120_000);
  afterAll(async () => {
    await relay?.close();
    postgres?.destroy();
  });

  it("answers 503 while the database is down, recovers, and loses no acknowledged push", async () => {
    // One snapshot first, so reading "latest" has an answer from the start.
    expect((await client.push(companyId, buildEnvelope({ companyId }))).status).toBe(201);
    const attempts: Attempt[] = [];
    let phase: Attempt["phase"] = "before";
    let running = true;
    let counter = 0;

    const loop = async (clientIndex: number) => {
      while (running) {
        counter += 1;
        const envelope = buildEnvelope({
          companyId,
          users: [userRow(clientIndex), userRow(1000 + counter)],
        });
        const pushPhase = phase;
        const response = await client.push(companyId, envelope);
        const body = (await response.json()) as { error?: { code: string } };
        attempts.push({
          snapshotId: envelope.snapshotId,
          envelope,
          status: response.status,
          code: body.error?.code ?? null,
          phase: pushPhase,
        });
        const read = await client.call("GET", `/v1/companies/${companyId}/snapshots/latest`);
        attempts.push({
          snapshotId: "(read latest)",
          status: read.status,
          code: null,
          phase: pushPhase,
        });
        await read.arrayBuffer();
      }
    };
    const loops = Array.from({ length: CLIENTS }, (_, i) => loop(i));

    // Phases end on what was observed, not on fixed sleeps, so a loaded machine cannot make the
    // test vacuous: enough acknowledged pushes, then refusals while down, then successes again.
    const until = async (condition: () => boolean, what: string) => {
      const deadline = Date.now() + 40_000;
      while (!condition()) {
        if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
        await sleep(50);
      }
    };
    const pushesIn = (p: Attempt["phase"], status: number) =>
      attempts.filter((a) => a.phase === p && a.envelope !== undefined && a.status === status)
        .length;

    await until(() => pushesIn("before", 201) >= CLIENTS, "pushes acknowledged before the stop");
    phase = "down";
    postgres.stop("immediate");
    await until(() => pushesIn("down", 503) >= CLIENTS, "pushes refused while down");
    const readiness = await fetch(new URL("/v1/health/ready", relay.url));
    expect(readiness.status).toBe(503);
    postgres.start();
    phase = "after";
    await until(() => pushesIn("after", 201) >= CLIENTS, "pushes acknowledged after the restart");
    running = false;
    await Promise.all(loops);

    const byPhase = (p: Attempt["phase"]) => attempts.filter((a) => a.phase === p);
    expect(
      attempts.every((a) => [200, 201, 503].includes(a.status)),
      JSON.stringify(attempts.filter((a) => ![200, 201, 503].includes(a.status))),
    ).toBe(true);
    expect(byPhase("before").some((a) => a.status === 201)).toBe(true);
    const downPushes = byPhase("down").filter((a) => a.snapshotId !== "(read latest)");
    expect(downPushes.some((a) => a.status === 503 && a.code === "database_unavailable")).toBe(
      true,
    );
    const afterPushes = byPhase("after").filter((a) => a.snapshotId !== "(read latest)");
    expect(afterPushes.some((a) => a.status === 201)).toBe(true);

    // Every acknowledged push survived the crash stop.
    const acknowledged = attempts.filter((a) => a.status === 201);
    for (const attempt of acknowledged) {
      const stored = await client.call(
        "GET",
        `/v1/companies/${companyId}/snapshots/${attempt.snapshotId}`,
      );
      expect(stored.status, attempt.snapshotId).toBe(200);
      await stored.arrayBuffer();
    }
    expect((await fetch(new URL("/v1/health/ready", relay.url))).status).toBe(200);

    // The pushes refused while it was down land when the client retries them.
    const refused = attempts.filter((a) => a.status === 503 && a.envelope !== undefined);
    expect(refused.length).toBeGreaterThan(0);
    for (const attempt of refused) {
      if (attempt.envelope === undefined) continue;
      const retried = await client.push(companyId, attempt.envelope);
      // 200 when the refused push had in fact committed just before the connection broke.
      expect([200, 201]).toContain(retried.status);
      await retried.arrayBuffer();
    }
  });
});
