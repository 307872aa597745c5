import type { AppRegistration, EmulatedTenant } from "./model";

// PLACEHOLDER until the tenant generator lands: the tenants helper replaces this file.
export type ScenarioName = "demo" | "bench" | "empty";

export interface ScenarioOptions {
  seed?: number;
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

export function buildScenario(_name: ScenarioName, _options: ScenarioOptions): BuiltScenario {
  return { tenants: new Map(), apps: new Map() };
}
