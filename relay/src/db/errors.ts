/**
 * Recognising database failures by their driver codes, so the HTTP layer can answer 503
 * ("try again") for an unreachable store and 409 for a conflicting write, never 500.
 */

/** A driver error's `code` or `message`, when it is a string (drivers differ in what they set). */
function driverField(error: unknown, field: "code" | "message"): string {
  if (typeof error !== "object" || error === null) return "";
  const value: unknown = (error as Record<string, unknown>)[field];
  return typeof value === "string" ? value : "";
}

const NETWORK_CODES = new Set([
  "ECONNREFUSED",
  "ECONNRESET",
  "ETIMEDOUT",
  "EPIPE",
  "ENOTFOUND",
  "EAI_AGAIN",
  "EHOSTUNREACH",
]);

/** PostgreSQL SQLSTATEs meaning "the server is not there right now". */
const POSTGRES_UNAVAILABLE = new Set(["57P01", "57P02", "57P03", "53300", "53100", "58030"]);

const SQLITE_UNAVAILABLE = /^SQLITE_(BUSY|LOCKED|CANTOPEN|IOERR|FULL|READONLY)/;

// node-postgres reports a lost connection with plain messages rather than codes.
const PG_CONNECTION_MESSAGES = [
  "Connection terminated",
  "timeout exceeded when trying to connect",
  "is not queryable",
  "Client was closed",
  "the database system is",
  "terminating connection due to administrator command",
];

export function isDatabaseUnavailable(error: unknown): boolean {
  const code = driverField(error, "code");
  if (NETWORK_CODES.has(code) || POSTGRES_UNAVAILABLE.has(code) || code.startsWith("08")) {
    return true;
  }
  if (SQLITE_UNAVAILABLE.test(code)) return true;
  const message = driverField(error, "message");
  if (PG_CONNECTION_MESSAGES.some((fragment) => message.includes(fragment))) return true;
  // pg-pool wraps connect failures in an AggregateError on some Node versions.
  if (error instanceof AggregateError) return error.errors.some(isDatabaseUnavailable);
  return false;
}

export function isUniqueViolation(error: unknown): boolean {
  const code = driverField(error, "code");
  return (
    code === "23505" ||
    code === "SQLITE_CONSTRAINT_UNIQUE" ||
    code === "SQLITE_CONSTRAINT_PRIMARYKEY"
  );
}

export function isForeignKeyViolation(error: unknown): boolean {
  const code = driverField(error, "code");
  return code === "23503" || code === "SQLITE_CONSTRAINT_FOREIGNKEY";
}
