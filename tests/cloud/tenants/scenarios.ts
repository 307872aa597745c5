import { demoAppRegistrations } from "./apps";
import { createTenant } from "./create-tenant";
import { buildDemoTenants } from "./demo-scenario";
import { type AppRegistration, type CloudState, createClock, type EmulatedTenant } from "./model";
import { DEFAULT_NOW_MS, InvalidTenantSpecError } from "./tenant-spec";

export const SCENARIO_NAMES = ["demo", "bench", "empty"] as const;
export type ScenarioName = (typeof SCENARIO_NAMES)[number];

export interface ScenarioOptions {
  seed?: number;
  /** "Now" for generated timestamps; the emulator passes its clock's start. */
  nowMs?: number;
  /** bench sizes */
  users?: number;
  devices?: number;
  groups?: number;
  auditEvents?: number;
}

export interface BuiltScenario {
  tenants: Map<string, EmulatedTenant>;
  apps: Map<string, AppRegistration>;
}

/** The largest bench tenant the issue asks for; beyond it memory, not time, is the limit. */
export const BENCH_LIMITS = {
  users: 100_000,
  devices: 30_000,
  groups: 10_000,
  auditEvents: 200_000,
} as const;

export function isScenarioName(name: string): name is ScenarioName {
  return (SCENARIO_NAMES as readonly string[]).includes(name);
}

/**
 * - `demo`: a CSP partner with six customers of different sizes, licences and consent states,
 *   plus one standalone tenant (see `demo-scenario.ts`).
 * - `bench`: one large tenant, sizes from the options (defaults: 10,000 users).
 * - `empty`: the demo apps but no tenants, for tests that call `createTenant` themselves.
 */
export function buildScenario(name: ScenarioName, options: ScenarioOptions = {}): BuiltScenario {
  const seed = options.seed ?? 1;
  const nowMs = options.nowMs ?? DEFAULT_NOW_MS;
  const state: CloudState = {
    tenants: new Map(),
    apps: demoAppRegistrations(),
    clock: createClock(nowMs),
  };
  switch (name) {
    case "demo":
      buildDemoTenants(state, seed, nowMs);
      break;
    case "bench":
      buildBenchTenant(state, seed, nowMs, options);
      break;
    case "empty":
      break;
    default:
      throw new InvalidTenantSpecError(
        `Unknown scenario "${String(name)}"; known: ${SCENARIO_NAMES.join(", ")}`,
      );
  }
  return { tenants: state.tenants, apps: state.apps };
}

function benchSize(
  value: number | undefined,
  fallback: number,
  field: keyof typeof BENCH_LIMITS,
): number {
  const size = value ?? fallback;
  if (!Number.isInteger(size) || size < 0 || size > BENCH_LIMITS[field]) {
    throw new InvalidTenantSpecError(
      `bench ${field} must be a whole number from 0 to ${BENCH_LIMITS[field]}, got ${String(value)}`,
    );
  }
  return size;
}

function buildBenchTenant(
  state: CloudState,
  seed: number,
  nowMs: number,
  options: ScenarioOptions,
): void {
  const users = benchSize(options.users, 10_000, "users");
  createTenant(state, {
    displayName: "Bench Corporation",
    domainPrefix: "benchcorp",
    kind: "standalone",
    seed,
    nowMs,
    users,
    guests: Math.round(users * 0.05),
    devices: benchSize(options.devices, Math.round(users * 0.3), "devices"),
    groups: benchSize(options.groups, Math.max(4, Math.round(users / 10)), "groups"),
    auditEvents: benchSize(
      options.auditEvents,
      Math.min(BENCH_LIMITS.auditEvents, users * 2),
      "auditEvents",
    ),
    skus: [
      { skuPartNumber: "SPE_E5", seats: users + 50 },
      {
        skuPartNumber: "FLOW_FREE",
        seats: 10_000,
        assigned: Math.min(10_000, Math.round(users / 4)),
      },
    ],
    onPremisesSyncedShare: 0.5,
  });
}
