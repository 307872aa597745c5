import { badRequest } from "../errors";

/** One request inside a JSON batch (json-batching.md). */
export interface BatchItem {
  id: string;
  method: string;
  url: string;
  headers: Record<string, string>;
  body: unknown;
  dependsOn: string[];
}

/** json-batching.md: "JSON batch requests are currently limited to 20 individual requests." */
export const MAX_BATCH_REQUESTS = 20;
const METHODS = new Set(["GET", "POST", "PUT", "PATCH", "DELETE"]);

/** Validates a `$batch` body; malformed batches fail whole with 400, as Graph does. */
export function parseBatchBody(body: unknown): BatchItem[] {
  if (
    typeof body !== "object" ||
    body === null ||
    !Array.isArray((body as { requests?: unknown }).requests)
  ) {
    throw badRequest("Invalid batch payload format.", "BadRequest");
  }
  const raw = (body as { requests: unknown[] }).requests;
  if (raw.length === 0) throw badRequest("Invalid batch payload format.", "BadRequest");
  if (raw.length > MAX_BATCH_REQUESTS) {
    throw badRequest(
      `Number of batch requests exceeds the limit of ${MAX_BATCH_REQUESTS}.`,
      "BadRequest",
    );
  }
  const items = raw.map((entry, index): BatchItem => {
    if (typeof entry !== "object" || entry === null)
      throw badRequest(`Batch request ${index + 1} is not an object.`, "BadRequest");
    const record = entry as Record<string, unknown>;
    const id = record.id;
    const method = record.method;
    const url = record.url;
    if (typeof id !== "string" || id === "")
      throw badRequest("Batch request id is missing.", "BadRequest");
    if (typeof method !== "string" || !METHODS.has(method.toUpperCase())) {
      throw badRequest(
        `Invalid HTTP method '${String(method)}' in batch request '${id}'.`,
        "BadRequest",
      );
    }
    if (typeof url !== "string" || url === "")
      throw badRequest(`Batch request '${id}' has no url.`, "BadRequest");
    const headers: Record<string, string> = {};
    if (record.headers !== undefined) {
      if (typeof record.headers !== "object" || record.headers === null) {
        throw badRequest(`Batch request '${id}' has invalid headers.`, "BadRequest");
      }
      for (const [name, value] of Object.entries(record.headers)) headers[name] = String(value);
    }
    const dependsOn = record.dependsOn ?? [];
    if (
      !Array.isArray(dependsOn) ||
      dependsOn.some((dependency) => typeof dependency !== "string")
    ) {
      throw badRequest(`Batch request '${id}' has an invalid dependsOn.`, "BadRequest");
    }
    return {
      id,
      method: method.toUpperCase(),
      url,
      headers,
      body: record.body,
      dependsOn: dependsOn as string[],
    };
  });
  const ids = new Set<string>();
  for (const item of items) {
    if (ids.has(item.id))
      throw badRequest(`Batch request id '${item.id}' is not unique.`, "BadRequest");
    ids.add(item.id);
  }
  for (const item of items) {
    for (const dependency of item.dependsOn) {
      if (!ids.has(dependency)) {
        throw badRequest(
          `Batch request '${item.id}' depends on unknown request '${dependency}'.`,
          "BadRequest",
        );
      }
    }
  }
  assertAcyclic(items);
  return items;
}

function assertAcyclic(items: BatchItem[]): void {
  const byId = new Map(items.map((item) => [item.id, item]));
  const state = new Map<string, "visiting" | "done">();
  const visit = (item: BatchItem): void => {
    const seen = state.get(item.id);
    if (seen === "done") return;
    if (seen === "visiting")
      throw badRequest("Batch requests have a circular dependsOn.", "BadRequest");
    state.set(item.id, "visiting");
    for (const dependency of item.dependsOn) visit(byId.get(dependency) as BatchItem);
    state.set(item.id, "done");
  };
  for (const item of items) visit(item);
}

export interface BatchItemResult {
  id: string;
  status: number;
  headers: Record<string, string>;
  body?: unknown;
}

/**
 * Runs batch items: each starts once everything it depends on has finished; a dependant of a
 * failed request (status ≥ 400) is not run and gets 424 Failed Dependency (json-batching.md).
 * Independent requests run concurrently, as Graph may evaluate them in any order.
 */
export async function runBatch(
  items: BatchItem[],
  execute: (item: BatchItem) => Promise<BatchItemResult>,
  failedDependency: (item: BatchItem) => BatchItemResult,
): Promise<BatchItemResult[]> {
  const results = new Map<string, Promise<BatchItemResult>>();
  const byId = new Map(items.map((item) => [item.id, item]));
  const start = (item: BatchItem): Promise<BatchItemResult> => {
    const existing = results.get(item.id);
    if (existing) return existing;
    const promise = (async () => {
      const dependencies = await Promise.all(
        item.dependsOn.map((id) => start(byId.get(id) as BatchItem)),
      );
      if (dependencies.some((result) => result.status >= 400)) return failedDependency(item);
      return execute(item);
    })();
    results.set(item.id, promise);
    return promise;
  };
  return Promise.all(items.map(start));
}
