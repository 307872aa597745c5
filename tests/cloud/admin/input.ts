/** Input checks for the admin API: a bad body is a 400 with a message, never a 500. */
export class AdminInputError extends Error {
  override readonly name = "AdminInputError";
}

/** Reads a JSON object body, or throws a 400-worthy error saying what is wrong. */
export async function readJsonObject(request: Request): Promise<Record<string, unknown>> {
  let body: unknown;
  try {
    body = await request.json();
  } catch {
    throw new AdminInputError("Body must be JSON");
  }
  if (typeof body !== "object" || body === null || Array.isArray(body))
    throw new AdminInputError("Body must be a JSON object");
  return body as Record<string, unknown>;
}
