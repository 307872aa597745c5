import { createGraphRuntime, type GraphRuntime } from "./graph/runtime";
import { createSigningKeys, type SigningKeys } from "./identity/access-token";
import { createIdentityRuntime, type IdentityRuntime } from "./identity/runtime";
import { type CloudState, createClock } from "./tenants/model";
import { buildScenario, type ScenarioName, type ScenarioOptions } from "./tenants/scenarios";

/**
 * Everything one running emulator shares between its hosts (login, Graph, portal, admin):
 * the tenants and apps, the clock, the token-signing key, and the request log.
 */
export interface CloudContext {
  state: CloudState;
  keys: SigningKeys;
  /** Sessions, authorization codes and refresh tokens of login.microsoftonline.com. */
  identity: IdentityRuntime;
  requestLog: RequestLogEntry[];
  seed: number;
  scenario: ScenarioName;
  /** Graph host state: throttle buckets, fault settings (see tests/cloud/graph/runtime.ts). */
  graph: GraphRuntime;
}

export interface RequestLogEntry {
  atMs: number;
  host: string;
  method: string;
  /** Path without the query, e.g. `/v1.0/users`. */
  path: string;
  /**
   * The query string without `?` (login and admin hosts), e.g. to see `prompt=none` on an
   * authorize request; Graph's own entries leave it out.
   */
  query?: string;
  tenantId: string | null;
  appId: string | null;
  status: number;
}

export interface CreateCloudOptions extends ScenarioOptions {
  scenario?: ScenarioName;
  /** Emulator clock start (epoch ms); defaults to now. */
  startMs?: number;
}

export async function createCloudContext(options: CreateCloudOptions = {}): Promise<CloudContext> {
  const scenario = options.scenario ?? "demo";
  const seed = options.seed ?? 1;
  const clock = createClock(options.startMs ?? Date.now());
  const built = buildScenario(scenario, { ...options, seed, nowMs: clock.now() });
  return {
    state: { tenants: built.tenants, apps: built.apps, clock },
    keys: await createSigningKeys(),
    identity: createIdentityRuntime(),
    requestLog: [],
    seed,
    scenario,
    graph: createGraphRuntime(seed),
  };
}
