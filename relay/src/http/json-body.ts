import type { Context } from "hono";
import type { z } from "zod";
import type { AppEnv } from "./app-env";
import { RelayHttpError } from "./errors";
import { checkDeclaredLength } from "./read-body";
import { readStreamWithLimit, requestBodyStream } from "./request-body";

/** Explains the first few schema problems to the caller; never echoes the input back in full. */
export function describeIssues(error: z.ZodError, max = 5): string {
  return error.issues
    .slice(0, max)
    .map((issue) => `${issue.path.length > 0 ? issue.path.join(".") : "(body)"}: ${issue.message}`)
    .join("; ");
}

/** Reads a small JSON request body: 415 unless JSON, 413 when too big, 400 when unparsable, 422 when invalid. */
export async function readJsonBody<Schema extends z.ZodType>(
  c: Context<AppEnv>,
  schema: Schema,
): Promise<z.infer<Schema>> {
  const contentType = c.req.header("content-type") ?? "";
  if (!/^application\/json\b/i.test(contentType)) {
    throw new RelayHttpError(
      415,
      "unsupported_media_type",
      "Send the request body as application/json",
    );
  }
  const maxBytes = c.get("deps").config.limits.maxJsonBytes;
  checkDeclaredLength(c.req.header("content-length"), maxBytes);
  const raw = await readStreamWithLimit(requestBodyStream(c), maxBytes, "request body");
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw.toString("utf8"));
  } catch {
    throw new RelayHttpError(400, "invalid_json", "The request body is not valid JSON");
  }
  const result = schema.safeParse(parsed);
  if (!result.success) {
    throw new RelayHttpError(422, "invalid_request", describeIssues(result.error));
  }
  return result.data;
}
