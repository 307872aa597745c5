import { z } from "zod";

/**
 * A cell whose value Microsoft Graph does not provide for this object or tenant. We never
 * invent a value: the cell carries the reason instead, and the UI and CSV render it as text.
 */
export const unavailableCellSchema = z.object({
  unavailable: z.literal(true),
  /** Human-readable reason, e.g. "Not available from Microsoft Graph: Entra ID has no host names". */
  reason: z.string(),
});
export type UnavailableCell = z.infer<typeof unavailableCellSchema>;

export function unavailable(reason: string): UnavailableCell {
  return { unavailable: true, reason };
}

export function isUnavailable(value: unknown): value is UnavailableCell {
  return (
    typeof value === "object" && value !== null && (value as UnavailableCell).unavailable === true
  );
}

/** ISO 8601 date-time as Graph returns it, or null where Graph has none. */
export const dateTimeSchema = z.string().nullable();
