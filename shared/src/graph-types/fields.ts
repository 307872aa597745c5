import { z } from "zod";

/*
 * Field shapes shared by the Graph object schemas. Graph returns `null` for an empty property and
 * omits properties that were not in `$select`, so every optional property accepts both; mappers
 * turn "absent" into `null` (never into `false` or `""`).
 */
export const optionalString = z.string().nullish();
export const optionalBoolean = z.boolean().nullish();
export const optionalNumber = z.number().nullish();
export const optionalStringList = z.array(z.string()).nullish();

/** Delta pages mark deleted objects with `@removed`; such items are tombstones, not objects. */
export const removedMarker = z.object({ reason: z.string() }).optional();

/** `@odata.type` of an item in a polymorphic collection, e.g. "#microsoft.graph.user". */
export const odataType = z.string().optional();
