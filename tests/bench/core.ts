/**
 * `npm run bench:core [-- --users=100000]`: mapping, canonical hashing, snapshot building,
 * diffing and CSV export of a seeded 100k-user tenant. Each step runs in its own Node process
 * (so one step's garbage does not inflate the next one's peak) and reports its wall time and the
 * process's peak RSS; the "setup" step (generate + map, untimed) is the baseline every other
 * step's process also pays. Results go to docs/benchmarks/core.md by hand, with the machine.
 */
import { spawnSync } from "node:child_process";
import { cpus, totalmem } from "node:os";
import { fileURLToPath } from "node:url";
import { datasetCsvStream } from "../../shared/src/csv";
import type { RowOf } from "../../shared/src/datasets";
import { mapUserRows } from "../../shared/src/datasets/users/map-user-rows";
import {
  applyDatasetDiff,
  buildSnapshot,
  diffDataset,
  diffSnapshots,
  hashDatasetRows,
} from "../../shared/src/snapshot";
import { mulberry32 } from "../support/mulberry32";
import { argument } from "./cli-argument";
import { generateUsersInput } from "./core-tenant";

const SEED = 20261126;
const STEPS = [
  "setup",
  "map",
  "hash",
  "snapshot",
  "diff",
  "apply",
  "diffSnapshots",
  "csv",
] as const;
type Step = (typeof STEPS)[number];

const STEP_LABELS: Record<Step, string> = {
  setup: "baseline: generate Graph input + map (untimed)",
  map: "map Graph users → rows (`mapUserRows`)",
  hash: "canonical sha256 of the dataset (`hashDatasetRows`)",
  snapshot: "build + validate envelope (`buildSnapshot`: hash + zod)",
  diff: "diff two versions, 1% changed, 0.5% added/removed (`diffDataset`)",
  apply: "apply that diff (`applyDatasetDiff`)",
  diffSnapshots: "compare unchanged snapshots (`diffSnapshots`, equal hashes)",
  csv: "stream the users CSV to bytes (`datasetCsvStream`)",
};

interface StepResult {
  step: Step;
  ms: number;
  /** User + system CPU time: steadier than wall time on a machine other people share. */
  cpuMs: number;
  peakRssMb: number;
  heapUsedAfterMb: number;
  note: string;
}

const mb = (bytes: number) => Math.round(bytes / 1024 / 1024);

/** A second sync of the same tenant: some users renamed, some gone, some new. */
function nextVersion(rows: RowOf<"users">[]): RowOf<"users">[] {
  const random = mulberry32(SEED + 1);
  const next: RowOf<"users">[] = [];
  for (const row of rows) {
    const roll = random();
    if (roll < 0.005) continue;
    next.push(roll < 0.015 ? { ...row, displayName: `${row.displayName ?? ""} (renamed)` } : row);
  }
  const added = Math.round(rows.length * 0.005);
  for (let index = 0; index < added; index++) {
    const template = rows[index] as RowOf<"users">;
    next.push({ ...template, id: `new-${index}`, userPrincipalName: `new${index}@contoso.com` });
  }
  return next;
}

function envelopeOf(rows: RowOf<"users">[]) {
  return buildSnapshot({
    snapshotId: "5f0c3f2e-8a47-4a55-9b1e-1f4c8a0b6d21",
    tenantId: "aaaabbbb-0000-cccc-1111-dddd2222eeee",
    tenantDisplayName: "Contoso",
    companyId: "bench",
    capturedAt: "2026-11-26T10:00:00Z",
    datasets: {
      users: { status: { state: "complete" }, collectedAt: "2026-11-26T10:00:00Z", rows },
    },
  });
}

async function runStep(step: Step, users: number): Promise<StepResult> {
  const gc = (globalThis as { gc?: () => void }).gc ?? (() => undefined);
  const input = generateUsersInput(users, SEED);
  let rows = step === "map" ? [] : mapUserRows(input);
  let work: () => Promise<string> | string = () => "";
  if (step === "map") {
    work = () => {
      rows = mapUserRows(input);
      return `${rows.length} rows`;
    };
  } else if (step === "hash") {
    work = () => hashDatasetRows("users", rows).slice(0, 12);
  } else if (step === "snapshot") {
    work = () => `${envelopeOf(rows).datasets.users?.rows.length} rows validated`;
  } else if (step === "diff") {
    const next = nextVersion(rows);
    work = () => {
      const diff = diffDataset("users", rows, next);
      return `+${diff.added.length} −${diff.removed.length} ~${diff.changed.length}`;
    };
  } else if (step === "apply") {
    const next = nextVersion(rows);
    const diff = diffDataset("users", rows, next);
    let applied: RowOf<"users">[] = [];
    work = () => {
      applied = applyDatasetDiff(rows, diff);
      return `${applied.length} rows`;
    };
    const result = await measure(step, work, gc);
    if (hashDatasetRows("users", applied) !== hashDatasetRows("users", next)) {
      throw new Error("apply(diff(a, b), a) does not hash like b");
    }
    return result;
  } else if (step === "diffSnapshots") {
    const older = envelopeOf(rows);
    const newer = envelopeOf([...rows].reverse());
    work = () => diffSnapshots(older, newer).users.kind;
  } else if (step === "csv") {
    work = async () => {
      let bytes = 0;
      for await (const chunk of datasetCsvStream("users", rows)) bytes += chunk.byteLength;
      return `${mb(bytes)} MB of CSV`;
    };
  }
  return measure(step, work, gc);
}

async function measure(
  step: Step,
  work: () => Promise<string> | string,
  gc: () => void,
): Promise<StepResult> {
  gc();
  const started = performance.now();
  const cpuStarted = process.cpuUsage();
  const note = await work();
  const ms = step === "setup" ? 0 : performance.now() - started;
  const cpu = process.cpuUsage(cpuStarted);
  return {
    step,
    ms: Math.round(ms),
    cpuMs: step === "setup" ? 0 : Math.round((cpu.user + cpu.system) / 1000),
    peakRssMb: Math.round(process.resourceUsage().maxRSS / 1024),
    heapUsedAfterMb: mb(process.memoryUsage().heapUsed),
    note,
  };
}

function runInChildProcess(step: Step, users: number): StepResult {
  const script = fileURLToPath(import.meta.url);
  const child = spawnSync(
    process.execPath,
    [...process.execArgv, "--expose-gc", script, `--step=${step}`, `--users=${users}`],
    { encoding: "utf8", maxBuffer: 1024 * 1024 },
  );
  if (child.status !== 0) throw new Error(`step ${step} failed:\n${child.stderr}`);
  const line = child.stdout.trim().split("\n").at(-1) ?? "";
  return JSON.parse(line) as StepResult;
}

async function main(): Promise<void> {
  const users = Number(argument("users") ?? 100_000);
  const step = argument("step") as Step | undefined;
  if (step !== undefined) {
    if (!STEPS.includes(step)) throw new Error(`unknown step ${step}`);
    console.log(JSON.stringify(await runStep(step, users)));
    return;
  }
  const cpu = cpus();
  console.log(
    `Machine: ${cpu.length} × ${cpu[0]?.model ?? "unknown CPU"}, ${mb(totalmem())} MB RAM, Node ${process.version}`,
  );
  console.log(`Users: ${users.toLocaleString("en")} (seed ${SEED})\n`);
  console.log("| Step | Wall (ms) | CPU (ms) | Peak RSS (MB) | Heap after (MB) | Result |");
  console.log("|---|---:|---:|---:|---:|---|");
  for (const name of STEPS) {
    const result = runInChildProcess(name, users);
    const wall = name === "setup" ? "—" : String(result.ms);
    const cpu = name === "setup" ? "—" : String(result.cpuMs);
    console.log(
      `| ${STEP_LABELS[name]} | ${wall} | ${cpu} | ${result.peakRssMb} | ${result.heapUsedAfterMb} | ${result.note} |`,
    );
  }
}

await main();
