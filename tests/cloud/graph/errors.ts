/**
 * Graph's error contract: `{"error":{"code","message","innerError":{"date","request-id",
 * "client-request-id"}}}` (concepts/errors.md, and the real directory errors in
 * `samples/batch-response.json`). Handlers throw `GraphError`; `app.onError` renders it once.
 */
export class GraphError extends Error {
  override readonly name = "GraphError";
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    /** Extra response headers, e.g. `WWW-Authenticate` on 401 or `Retry-After` on 429. */
    readonly headers: Record<string, string> = {},
    /** Extra `innerError` members, e.g. the throttled response's `code`/`status` strings. */
    readonly innerError: Record<string, string> = {},
    /** Throttled answers carry a differently shaped innerError (`samples/throttling-429.json`). */
    readonly shape: "standard" | "throttled" = "standard",
  ) {
    super(message);
  }
}

/**
 * Graph's 429, shaped as `samples/throttling-429.json` (innerError `code`/`status` are the
 * strings "429"); `Retry-After` in seconds.
 */
export function throttledError(
  retryAfter: string,
  headers: Record<string, string> = {},
): GraphError {
  return new GraphError(
    429,
    "TooManyRequests",
    "Please retry again later.",
    { "Retry-After": retryAfter, ...headers },
    {},
    "throttled",
  );
}

/** Graph writes `innerError.date` as UTC without zone or fraction: `2025-02-13T10:17:05`. */
export function graphErrorDate(nowMs: number): string {
  return new Date(nowMs).toISOString().slice(0, 19);
}

export interface GraphErrorBody {
  error: {
    code: string;
    message: string;
    innerError: Record<string, string>;
  };
}

export function graphErrorBody(
  error: GraphError,
  ids: { requestId: string; clientRequestId: string },
  nowMs: number,
): GraphErrorBody {
  if (error.shape === "throttled") {
    return {
      error: {
        code: error.code,
        innerError: {
          code: "429",
          date: graphErrorDate(nowMs),
          message: "Please retry after",
          "request-id": ids.requestId,
          status: "429",
        },
        message: error.message,
      },
    };
  }
  return {
    error: {
      code: error.code,
      message: error.message,
      innerError: {
        date: graphErrorDate(nowMs),
        "request-id": ids.requestId,
        "client-request-id": ids.clientRequestId,
        ...error.innerError,
      },
    },
  };
}

export const badRequest = (message: string, code = "Request_BadRequest"): GraphError =>
  new GraphError(400, code, message);

export const notFound = (id: string): GraphError =>
  new GraphError(
    404,
    "Request_ResourceNotFound",
    `Resource '${id}' does not exist or one of its queried reference-property objects are not present.`,
  );

/** Unknown segment: Graph answers 400 BadRequest "Resource not found for the segment 'x'." */
export const unknownSegment = (segment: string): GraphError =>
  new GraphError(400, "BadRequest", `Resource not found for the segment '${segment}'.`);

/** As in `samples/batch-response.json` item 4. */
export const methodNotAllowed = (): GraphError =>
  new GraphError(
    405,
    "Request_BadRequest",
    "Specified HTTP method is not allowed for the request target.",
  );
