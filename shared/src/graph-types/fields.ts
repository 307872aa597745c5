import { z } from "zod";

/*
 * Field shapes shared by the Graph object schemas. Graph returns `null` for an empty property and
 * omits properties that were not in `$select`, so every optional property accepts both; mappers
 * turn "absent" into `null` (never into `false` or `""`).
 */
export const optionalString = z.string().nullish();
export const optionalBoolean = z.boolean().nullish();
export const optionalNumber = z.number().nullish();
/**
 * A required ISO 8601 date-time. Mappers compute with it (latest score, daily history), so a value
 * that does not parse is a shape error naming the field, not a `RangeError` deep in date maths.
 */
export const requiredDateTime = z
  .string()
  .refine((text) => !Number.isNaN(Date.parse(text)), { message: "not an ISO 8601 date-time" });

export const optionalStringList = z.array(z.string()).nullish();

/** Delta pages mark deleted objects with `@removed`; such items are tombstones, not objects. */
export const removedMarker = z.object({ reason: z.string() }).optional();

/**
 * Whether a delta item is a tombstone (`{"id": …, "@removed": {"reason": …}}`). Checked before
 * validation: a tombstone carries only its id, not the properties a live object must have.
 */
export function isTombstone(value: unknown): boolean {
  return typeof value === "object" && value !== null && "@removed" in value;
}

/** `@odata.type` of an item in a polymorphic collection, e.g. "#microsoft.graph.user". */
export const odataType = z.string().optional();
