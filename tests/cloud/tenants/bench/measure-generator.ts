/**
 * Measures the bench scenario's generation time and memory for a few sizes and prints one JSON
 * line per size. Run: `npx tsx tests/cloud/tenants/bench/measure-generator.ts [users …]`.
 * Results go to docs/benchmarks/emulator-generator.md (no test asserts a timing).
 */
import { loadavg } from "node:os";
import { buildScenario, type ScenarioOptions } from "../scenarios";

const SIZES: readonly ScenarioOptions[] = [
  // The CI test's size.
  { users: 20_000, devices: 6_000, groups: 2_000, auditEvents: 40_000 },
  // 100,000 users and nothing else big.
  { users: 100_000, devices: 0, groups: 0, auditEvents: 0 },
  // The maximum: 100k users, 30k devices, 10k groups, 200k audit events.
  { users: 100_000, devices: 30_000, groups: 10_000, auditEvents: 200_000 },
];

const requested = process.argv
  .slice(2)
  .map(Number)
  .filter((n) => Number.isInteger(n) && n > 0);
const sizes = requested.length > 0 ? requested.map((users) => ({ users })) : SIZES;

for (const size of sizes) {
  globalThis.gc?.();
  const heapBefore = process.memoryUsage().heapUsed;
  const cpuBefore = process.cpuUsage();
  const started = performance.now();
  const { tenants } = buildScenario("bench", { seed: 1, nowMs: Date.UTC(2026, 0, 15), ...size });
  const wallMs = performance.now() - started;
  const cpu = process.cpuUsage(cpuBefore);
  const [tenant] = tenants.values();
  console.log(
    JSON.stringify({
      requested: size,
      users: tenant?.collections.users.size,
      devices: tenant?.collections.devices.size,
      groups: tenant?.collections.groups.size,
      auditEvents: tenant?.collections.directoryAudits.size,
      wallMs: Math.round(wallMs),
      cpuMs: Math.round((cpu.user + cpu.system) / 1000),
      heapMB: Math.round((process.memoryUsage().heapUsed - heapBefore) / 1e6),
      loadAverage1m: Math.round((loadavg()[0] ?? 0) * 10) / 10,
    }),
  );
}
