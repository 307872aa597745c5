import type { CollectionName, EmulatedTenant, GraphObject } from "../tenants/model";

/**
 * Stable orderings of a tenant's collections, cached until the collection changes, so a page of
 * 999 out of 100,000 users costs a slice, not a scan or a sort. A change is seen through the
 * tenant's change log (every write goes through `putObject`/`removeObject`) or a size change.
 */
interface CachedOrdering {
  seenSeq: number;
  size: number;
  objects: GraphObject[];
}

const caches = new WeakMap<EmulatedTenant, Map<string, CachedOrdering>>();

/** Objects of a collection in insertion order, optionally re-sorted (cached per `orderKey`). */
export function orderedObjects(
  tenant: EmulatedTenant,
  collection: CollectionName,
  order?: { key: string; compare: (a: GraphObject, b: GraphObject) => number },
): GraphObject[] {
  let perTenant = caches.get(tenant);
  if (!perTenant) {
    perTenant = new Map();
    caches.set(tenant, perTenant);
  }
  const cacheKey = order ? `${collection}|${order.key}` : collection;
  const map = tenant.collections[collection];
  const cached = perTenant.get(cacheKey);
  if (cached && cached.size === map.size && !changedSince(tenant, collection, cached.seenSeq)) {
    cached.seenSeq = tenant.nextSeq;
    return cached.objects;
  }
  const objects = Array.from(map.values());
  if (order) objects.sort(order.compare);
  perTenant.set(cacheKey, { seenSeq: tenant.nextSeq, size: map.size, objects });
  return objects;
}

function changedSince(tenant: EmulatedTenant, collection: CollectionName, seq: number): boolean {
  if (tenant.nextSeq === seq) return false;
  const log = tenant.changeLog;
  // The log is sorted by seq: binary-search the first entry at or after `seq`.
  let low = 0;
  let high = log.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if ((log[middle]?.seq ?? 0) < seq) low = middle + 1;
    else high = middle;
  }
  for (let index = low; index < log.length; index++) {
    if (log[index]?.collection === collection) return true;
  }
  return false;
}
