/**
 * `npx tsx tests/bench/hash.ts [--users=5000,100000] [--runs=7]`: canonical serialisation and
 * dataset hashing, the original implementation (kept as the test reference) against the current
 * one, on the same input in the same minutes, so a loaded machine affects both alike.
 *
 * Inputs: at 5,000 users, the relay benchmark's tenant (`buildTestSnapshot`, seed 42: + 1,000
 * devices, 200 groups, 500 audit events, licences, roles, score), every dataset; larger sizes use
 * the core benchmark's users (`tests/bench/core-tenant.ts`, seed 20261126), users only. Each
 * variant runs in its own Node process; the first run is reported apart (cold: the JIT has not
 * compiled anything yet), then the best and the median of the others (warm: a long-lived relay
 * worker).
 * Results go to docs/benchmarks/core.md by hand.
 */

import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { cpus } from "node:os";
import { fileURLToPath } from "node:url";
import { DATASET_IDS, type DatasetId, type RowOf } from "../../shared/src/datasets";
import { compareOrdinal } from "../../shared/src/datasets/compare";
import { mapUserRows } from "../../shared/src/datasets/users/map-user-rows";
import { canonicalRowTexts, unorderedPathsOf } from "../../shared/src/snapshot/canonical-rows";
import { hashDatasetRows } from "../../shared/src/snapshot/hash";
import { nobleSha256, type Sha256Factory } from "../../shared/src/snapshot/sha256";
import { referenceCanonicalJson } from "../../shared/src/snapshot/testing/reference-canonical-json";
import { buildTestSnapshot } from "../support/snapshot-builder";
import { argument } from "./cli-argument";
import { generateUsersInput } from "./core-tenant";

const VARIANTS = {
  "canonical, original": (rows: Dataset[]) => rows.map((d) => referenceTexts(d).length).join(),
  "canonical, now": (rows: Dataset[]) =>
    rows.map((d) => canonicalRowTexts(d.id, d.rows).length).join(),
  "hash, original (@noble/hashes)": (rows: Dataset[]) => rows.map((d) => referenceHash(d)).join(),
  "hash, now (@noble/hashes, the extension)": (rows: Dataset[]) =>
    rows.map((d) => hashDatasetRows(d.id, d.rows)).join(),
  "hash, now (node:crypto, the relay)": (rows: Dataset[]) =>
    rows.map((d) => hashDatasetRows(d.id, d.rows, nodeSha256)).join(),
} as const;
type Variant = keyof typeof VARIANTS;

interface Dataset {
  id: DatasetId;
  rows: readonly RowOf<DatasetId>[];
}

const nodeSha256: Sha256Factory = () => {
  const hash = createHash("sha256");
  return { update: (data) => void hash.update(data), digest: () => hash.digest("hex") };
};

/** What `canonicalRowTexts` did before it was optimised: texts, then a sort by id. */
function referenceTexts(dataset: Dataset): string[] {
  const paths = unorderedPathsOf(dataset.id);
  const keyed = dataset.rows.map((row) => ({
    id: row.id,
    text: referenceCanonicalJson(row, paths),
  }));
  keyed.sort((a, b) => compareOrdinal(a.id, b.id));
  return keyed.map((entry) => entry.text);
}

/** What `hashDatasetRows` did before: ~1M-character pieces, UTF-8 encoded, pure-JS sha256. */
function referenceHash(dataset: Dataset): string {
  const hash = nobleSha256();
  let piece = "[";
  referenceTexts(dataset).forEach((text, index) => {
    piece += index === 0 ? text : `,${text}`;
    if (piece.length >= 1 << 20) {
      hash.update(piece);
      piece = "";
    }
  });
  hash.update(`${piece}]`);
  return hash.digest();
}

function inputOf(users: number): Dataset[] {
  if (users === 5000) {
    const tenant = buildTestSnapshot({
      seed: 42,
      users,
      devices: 1000,
      groups: 200,
      auditEvents: 500,
    });
    return DATASET_IDS.map((id) => ({
      id,
      rows: (tenant.datasets[id]?.rows ?? []) as readonly RowOf<DatasetId>[],
    }));
  }
  return [{ id: "users", rows: mapUserRows(generateUsersInput(users, 20261126)) }];
}

interface Measured {
  coldMs: number;
  /** The best warm run: on a shared machine the least disturbed one is the truest figure. */
  warmBestMs: number;
  warmMedianMs: number;
  result: string;
}

function measure(variant: Variant, users: number, runs: number): Measured {
  const input = inputOf(users);
  const work = VARIANTS[variant];
  const wall: number[] = [];
  let result = "";
  for (let run = 0; run < runs; run++) {
    const started = performance.now();
    result = work(input);
    wall.push(performance.now() - started);
  }
  const warm = wall.slice(1).sort((a, b) => a - b);
  return {
    coldMs: wall[0] ?? Number.NaN,
    warmBestMs: warm[0] ?? Number.NaN,
    warmMedianMs: warm[Math.floor(warm.length / 2)] ?? Number.NaN,
    result,
  };
}

function inChildProcess(variant: Variant, users: number, runs: number): Measured {
  const child = spawnSync(
    process.execPath,
    [
      ...process.execArgv,
      fileURLToPath(import.meta.url),
      `--variant=${variant}`,
      `--users=${users}`,
      `--runs=${runs}`,
    ],
    { encoding: "utf8", maxBuffer: 1024 * 1024 },
  );
  if (child.status !== 0) throw new Error(`${variant} failed:\n${child.stderr}`);
  return JSON.parse(child.stdout.trim().split("\n").at(-1) ?? "") as Measured;
}

const runs = Number(argument("runs") ?? 7);
const variant = argument("variant") as Variant | undefined;
if (variant !== undefined) {
  console.log(JSON.stringify(measure(variant, Number(argument("users")), runs)));
} else {
  console.log(`Machine: ${cpus().length} × ${cpus()[0]?.model ?? "?"}, Node ${process.version}\n`);
  console.log("| Users | Variant | Cold (ms) | Warm, best (ms) | Warm, median (ms) |");
  console.log("|---:|---|---:|---:|---:|");
  for (const users of (argument("users") ?? "5000,100000").split(",").map(Number)) {
    const digests = new Set<string>();
    for (const name of Object.keys(VARIANTS) as Variant[]) {
      // Fewer runs at large sizes keep the whole benchmark to a few minutes.
      const measured = inChildProcess(name, users, users > 20_000 ? Math.min(runs, 4) : runs);
      if (name.startsWith("hash")) digests.add(measured.result);
      const ms = (value: number) => Math.round(value).toString();
      console.log(
        `| ${users} | ${name} | ${ms(measured.coldMs)} | ${ms(measured.warmBestMs)} | ${ms(measured.warmMedianMs)} |`,
      );
    }
    // Every variant must agree on every digest, or the faster code is wrong.
    if (digests.size !== 1) throw new Error(`the variants disagree at ${users} users`);
  }
}
