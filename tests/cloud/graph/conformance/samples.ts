import { readdirSync, readFileSync } from "node:fs";
import { resolve } from "node:path";

/** Microsoft's published Graph payloads, beside the repository (CI has a copy at the same place). */
export const SAMPLES_DIR = resolve(process.cwd(), "../shared/graph/samples");

export function sampleFiles(): string[] {
  return readdirSync(SAMPLES_DIR)
    .filter((name) => name.endsWith(".json"))
    .sort();
}

export function readSample(name: string): unknown {
  return JSON.parse(readFileSync(resolve(SAMPLES_DIR, name), "utf8")) as unknown;
}
