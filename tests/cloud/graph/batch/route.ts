import type { Hono } from "hono";
import type { CloudContext } from "../../context";
import { badRequest, GraphError, graphErrorBody } from "../errors";
import type { GraphEnv } from "../hono-env";
import { type BatchItem, type BatchItemResult, parseBatchBody, runBatch } from "./batch-request";

/** Response headers a batch item reports (as in `samples/batch-response.json`). */
const ITEM_HEADERS = [
  "cache-control",
  "content-type",
  "odata-version",
  "location",
  "retry-after",
  "x-ms-resource-unit",
  "x-ms-throttle-limit-percentage",
  "x-ms-throttle-scope",
  "x-ms-throttle-information",
];

export type Dispatch = (request: Request) => Promise<Response>;

/**
 * `POST /$batch` (json-batching.md): up to 20 requests with relative URLs, run through the same
 * app (so each is authorised and throttled on its own: a throttled item gets its own 429 with
 * Retry-After), answered together with status 200.
 */
export function registerBatchRoute(
  api: Hono<GraphEnv>,
  ctx: CloudContext,
  dispatch: Dispatch,
): void {
  api.post("/$batch", async (c) => {
    const body = await c.req.json().catch(() => {
      throw badRequest("Invalid batch payload format.", "BadRequest");
    });
    const items = parseBatchBody(body);
    const version = c.get("version");
    const authorization = c.req.header("Authorization") ?? "";
    const execute = async (item: BatchItem): Promise<BatchItemResult> => {
      if (/^\/?(v1\.0\/|beta\/)?\$batch/i.test(item.url)) {
        return errorResult(
          item,
          badRequest("A batch request cannot contain another batch.", "BadRequest"),
        );
      }
      if (/^[a-z]+:\/\//i.test(item.url)) {
        return errorResult(
          item,
          badRequest("Invalid request URL: batch URLs must be relative.", "BadRequest"),
        );
      }
      // The JS SDK's BatchRequestContent keeps the version ("/v1.0/me") when it strips the host
      // from absolute request URLs; Graph resolves such URLs against the batch's own version.
      const relative = (item.url.startsWith("/") ? item.url : `/${item.url}`).replace(
        /^\/(v1\.0|beta)(?=\/)/i,
        "",
      );
      const headers = new Headers(item.headers);
      headers.set("Authorization", authorization);
      let payload: string | undefined;
      if (item.body !== undefined && item.method !== "GET") {
        payload = typeof item.body === "string" ? item.body : JSON.stringify(item.body);
        if (!headers.has("Content-Type")) headers.set("Content-Type", "application/json");
      }
      const response = await dispatch(
        new Request(`https://graph.microsoft.com/${version}${relative}`, {
          method: item.method,
          headers,
          ...(payload !== undefined ? { body: payload } : {}),
        }),
      );
      const resultHeaders: Record<string, string> = {};
      response.headers.forEach((value, name) => {
        if (ITEM_HEADERS.includes(name.toLowerCase())) resultHeaders[canonicalHeader(name)] = value;
      });
      const text = await response.text();
      const result: BatchItemResult = {
        id: item.id,
        status: response.status,
        headers: resultHeaders,
      };
      if (text !== "") result.body = JSON.parse(text) as unknown;
      return result;
    };
    const errorResult = (item: BatchItem, error: GraphError): BatchItemResult => ({
      id: item.id,
      status: error.status,
      headers: { "Content-Type": "application/json" },
      body: graphErrorBody(
        error,
        { requestId: c.get("requestId"), clientRequestId: c.get("clientRequestId") },
        ctx.state.clock.now(),
      ),
    });
    const responses = await runBatch(items, execute, (item) =>
      errorResult(
        item,
        new GraphError(
          424,
          "FailedDependency",
          "The request could not be processed because a request it depends on failed.",
        ),
      ),
    );
    return c.json({ responses }, 200);
  });
}

function canonicalHeader(name: string): string {
  const lower = name.toLowerCase();
  if (lower.startsWith("x-ms-") || lower === "retry-after")
    return lower === "retry-after" ? "Retry-After" : lower;
  return lower
    .replace(/(^|-)([a-z])/g, (_match, dash: string, letter: string) => dash + letter.toUpperCase())
    .replace("Odata", "OData");
}
