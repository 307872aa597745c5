import pino, { type DestinationStream, type Logger } from "pino";

/**
 * Structured JSON logs. Redaction is a second line of defence: the relay never logs headers or
 * bodies, but if a future log line does, an Authorization header or a token field comes out masked.
 */
export const REDACTED_PATHS = [
  "authorization",
  "headers.authorization",
  "req.headers.authorization",
  "request.headers.authorization",
  "token",
  "secret",
  "*.token",
  "*.secret",
  "*.authorization",
];

export function createLogger(level: pino.LevelWithSilent, destination?: DestinationStream): Logger {
  const options: pino.LoggerOptions = {
    level,
    base: { service: "tenantlens-relay" },
    redact: { paths: REDACTED_PATHS, censor: "[redacted]" },
  };
  return destination === undefined ? pino(options) : pino(options, destination);
}
