import { HTTPException } from "hono/http-exception";
import type { ContentfulStatusCode } from "hono/utils/http-status";

/**
 * An expected failure with a stable machine-readable code; `app.onError` renders every one as
 * `{"error": {"code", "message"}}`. Messages are for people: they say what to do next.
 */
export class RelayHttpError extends HTTPException {
  override name = "RelayHttpError";
  readonly code: string;
  readonly headers: Record<string, string>;

  constructor(
    status: ContentfulStatusCode,
    code: string,
    message: string,
    options: { cause?: unknown; headers?: Record<string, string> } = {},
  ) {
    super(status, { message, cause: options.cause });
    this.code = code;
    this.headers = options.headers ?? {};
  }
}

export const notFound = (what: string) =>
  new RelayHttpError(404, "not_found", `${what} was not found`);

export interface ErrorBody {
  error: { code: string; message: string };
}
