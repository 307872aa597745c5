import { createEmulatorFetch, type EmulatorFetch } from "../../node-client";
import { type RunningCloud, startCloud } from "../../server";
import { addTestWorld, type TestWorld } from "./world";

/** One emulator per test file, with the hand-made test directory added to it. */
export interface IdentityTestCloud {
  cloud: RunningCloud;
  world: TestWorld;
  fetch: EmulatorFetch;
  /** POSTs a form to `/{tenant}/oauth2/v2.0/token`, with `Origin` when given. */
  token(
    tenant: string,
    fields: Record<string, string>,
    origin?: string,
  ): Promise<{ status: number; body: Record<string, unknown>; headers: Headers }>;
  advanceClock(ms: number): Promise<void>;
}

export async function startIdentityTestCloud(): Promise<IdentityTestCloud> {
  const cloud = await startCloud({ scenario: "empty" });
  const world = addTestWorld(cloud.ctx.state);
  const fetch = createEmulatorFetch({ port: cloud.port, caCertPem: cloud.caCertPem });
  return {
    cloud,
    world,
    fetch,
    async token(tenant, fields, origin) {
      const response = await fetch(
        `https://login.microsoftonline.com/${tenant}/oauth2/v2.0/token`,
        {
          method: "POST",
          headers: {
            "content-type": "application/x-www-form-urlencoded",
            ...(origin ? { origin } : {}),
          },
          body: new URLSearchParams(fields).toString(),
        },
      );
      return {
        status: response.status,
        body: (await response.json()) as Record<string, unknown>,
        headers: response.headers,
      };
    },
    async advanceClock(ms) {
      const response = await fetch(`${cloud.url}/_emulator/clock/advance`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ ms }),
      });
      if (!response.ok) throw new Error(`clock advance failed: ${response.status}`);
    },
  };
}
