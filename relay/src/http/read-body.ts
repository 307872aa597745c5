import { RelayHttpError } from "./errors";

/** The 413 every size limit answers with, naming what was too large. */
export function tooLarge(maxBytes: number, what = "request body"): RelayHttpError {
  return new RelayHttpError(
    413,
    "payload_too_large",
    `The ${what} exceeds the limit of ${maxBytes} bytes`,
  );
}

/** Refuses early when the client itself declares a body larger than the limit. */
export function checkDeclaredLength(header: string | undefined, maxBytes: number): void {
  if (header === undefined) return;
  const declared = Number(header);
  if (Number.isFinite(declared) && declared > maxBytes) throw tooLarge(maxBytes);
}
