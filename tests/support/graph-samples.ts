import { readdirSync, readFileSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";

/**
 * Microsoft's published Graph example payloads, beside the repository in ../shared/graph/samples
 * (see SOURCES.md there for each file's provenance and quirks). Test-only and Node-only, so it
 * lives under tests/ rather than in shared/, which must stay browser-pure.
 */
export const GRAPH_SAMPLES_DIR = resolve(
  dirname(fileURLToPath(import.meta.url)),
  "../../../shared/graph/samples",
);

export function listGraphSamples(): string[] {
  return readdirSync(GRAPH_SAMPLES_DIR)
    .filter((file) => file.endsWith(".json"))
    .map((file) => file.slice(0, -".json".length))
    .sort();
}

/** A sample body as parsed JSON; the caller states the Graph type it documents. */
export function readGraphSample<T = unknown>(name: string): T {
  return JSON.parse(readFileSync(resolve(GRAPH_SAMPLES_DIR, `${name}.json`), "utf8")) as T;
}

/** The `value` array of a sample collection response. */
export function readGraphSampleItems<Item>(name: string): Item[] {
  const body = readGraphSample<{ value?: Item[] }>(name);
  if (!Array.isArray(body.value)) throw new Error(`Sample ${name} is not a collection`);
  return body.value;
}
