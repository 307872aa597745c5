/**
 * A minimal RFC 4180 writer. We write our own (a dozen lines, checked against csv-parse by the
 * property tests) rather than use csv-stringify because its module reads Node's `Buffer` at load
 * time, which does not exist in the extension's pages and service worker; and because we
 * neutralise formulas ourselves (after leading whitespace too, which its `escape_formulas`
 * does not do).
 */

export const CSV_RECORD_SEPARATOR = "\r\n";

/** A field needs quotes when it holds the delimiter, a quote or a line break (RFC 4180 §2.6). */
const NEEDS_QUOTES = /[",\r\n]/;

export function csvField(text: string): string {
  // RFC 4180 §2.7: a quote inside a quoted field is escaped by doubling it.
  return NEEDS_QUOTES.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** One record, terminated by CRLF as RFC 4180 §2.1 specifies. */
export function csvRecord(fields: readonly string[]): string {
  return fields.map(csvField).join(",") + CSV_RECORD_SEPARATOR;
}
