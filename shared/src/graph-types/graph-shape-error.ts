import type { z } from "zod";

/**
 * A Graph object that does not have the shape Microsoft documents: a property of the wrong type,
 * or a property every object of that kind carries (such as `id`) missing. Mappers throw it instead
 * of crashing on `undefined.foo`, so the collector can mark the dataset partial with a reason.
 */
export class GraphShapeError extends Error {
  override readonly name = "GraphShapeError";

  constructor(
    /** The Graph entity, e.g. "user", "managedDevice". */
    readonly entity: string,
    /** The object's `id`, or null when the object has none. */
    readonly objectId: string | null,
    /** Dotted path of the offending property, e.g. "assignedLicenses.0.skuId". */
    readonly field: string,
    readonly problem: string,
  ) {
    super(
      `Unexpected ${entity} from Microsoft Graph (id ${objectId ?? "missing"}): "${field}" ${problem}`,
    );
  }
}

function objectIdOf(value: unknown): string | null {
  if (typeof value !== "object" || value === null) return null;
  const id = (value as { id?: unknown }).id;
  return typeof id === "string" ? id : null;
}

/**
 * Validates one Graph object against its schema and returns the parsed object, or throws a
 * GraphShapeError naming the object id and the first offending field.
 */
export function parseGraphObject<Schema extends z.ZodType>(
  schema: Schema,
  entity: string,
  value: unknown,
): z.output<Schema> {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  const field = issue && issue.path.length > 0 ? issue.path.join(".") : "(object)";
  throw new GraphShapeError(entity, objectIdOf(value), field, issue?.message ?? "is invalid");
}
