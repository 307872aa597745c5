/**
 * Whether a request's `Prefer` header (RFC 7240) asks for an asynchronous answer: a 202 with a
 * status resource, instead of waiting for the work. Preferences are comma-separated, each maybe
 * with parameters after `;`, names case-insensitive (`Prefer: respond-async, wait=10`).
 */
export function prefersRespondAsync(header: string | undefined): boolean {
  if (header === undefined) return false;
  return header
    .split(",")
    .map((preference) => preference.split(";")[0]?.split("=")[0]?.trim().toLowerCase())
    .includes("respond-async");
}
