import { IDENTITY_LIMITS } from "./limits";

export interface IdentityRequestShape {
  method: string;
  /** Path after the version, without query, e.g. `users` or `groups/0f1…/members`. */
  path: string;
  hasSelect: boolean;
  hasExpand: boolean;
  top: number | undefined;
}

/**
 * Resource-unit cost of one identity-and-access request (includes/throttling-identity-and-access.md):
 * the base cost from the table (me/… costs also apply to users/{id}/…), $select −1, $expand +1,
 * $top below 20 −1, never below 1.
 */
export function resourceUnitCost(request: IdentityRequestShape): number {
  const base = baseCost(request.method.toUpperCase(), request.path);
  let cost = base;
  if (request.hasSelect) cost += IDENTITY_LIMITS.adjustments.select;
  if (request.hasExpand) cost += IDENTITY_LIMITS.adjustments.expand;
  if (request.top !== undefined && request.top < 20)
    cost += IDENTITY_LIMITS.adjustments.topLessThan20;
  return Math.max(IDENTITY_LIMITS.adjustments.minimumCost, cost);
}

function baseCost(method: string, path: string): number {
  const segments = normalisePath(path);
  for (const row of IDENTITY_LIMITS.baseCosts) {
    if (row.method === method && matches(row.path.toLowerCase().split("/"), segments)) {
      return row.cost;
    }
  }
  return 1;
}

/** Lower-cases and maps `users/{id}/x` to `me/x`, as the doc says me/ costs apply to both. */
function normalisePath(path: string): string[] {
  const segments = path
    .replace(/^\/+|\/+$/g, "")
    .toLowerCase()
    .split("/");
  if (segments[0] === "users" && segments.length > 2) return ["me", ...segments.slice(2)];
  return segments;
}

function matches(pattern: string[], segments: string[]): boolean {
  if (pattern.length !== segments.length) return false;
  return pattern.every((part, index) => part === "{id}" || part === segments[index]);
}
