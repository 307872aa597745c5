import type { GraphObject } from "../../tenants/model";
import type { EntityType } from "../entity-types";

/**
 * Projects a stored object to what Graph returns: the `$select`ed properties in the order asked
 * (plus `id`, which Graph always adds, and `@odata.type` where the stored object has one), or the
 * entity's default property set.
 */
export function projectObject(
  object: GraphObject,
  type: EntityType,
  select: readonly string[] | undefined,
): Record<string, unknown> {
  const projected: Record<string, unknown> = {};
  const odataType = object["@odata.type"];
  if (odataType !== undefined) projected["@odata.type"] = odataType;
  if (select !== undefined) {
    for (const property of select) projected[property] = object[property] ?? null;
    if (!select.includes("id")) projected.id = object.id;
    return projected;
  }
  if (type.defaultProperties) {
    for (const property of type.defaultProperties) projected[property] = object[property] ?? null;
    return projected;
  }
  for (const [key, value] of Object.entries(object)) {
    if (type.selectOnlyProperties?.has(key)) continue;
    projected[key] = value;
  }
  return projected;
}
