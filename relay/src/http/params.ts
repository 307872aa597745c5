import type { Context } from "hono";
import { GUID_PATTERN } from "../../../shared/src/guid";
import type { AppEnv } from "./app-env";
import { RelayHttpError } from "./errors";

const RELAY_ID = /^[A-Za-z0-9_-]{1,128}$/;
/** Microsoft tenant ids, snapshot ids and credential home tenants: GUIDs in any letter case. */
export const GUID = GUID_PATTERN;

function param(c: Context<AppEnv>, name: string): string {
  const value = c.req.param(name);
  if (value === undefined) throw new Error(`Route has no :${name} parameter`);
  return value;
}

/**
 * Company and credential ids are the relay's own UUIDs; anything else (dots, slashes, %00…) is
 * refused early.
 */
function relayIdParam(
  c: Context<AppEnv>,
  name: "companyId" | "credentialId",
  what: "company" | "credential",
): string {
  const value = param(c, name);
  if (!RELAY_ID.test(value)) {
    throw new RelayHttpError(
      400,
      `invalid_${what}_id`,
      `A ${what} id is 1–128 letters, digits, - or _`,
    );
  }
  return value;
}

export const companyIdParam = (c: Context<AppEnv>) => relayIdParam(c, "companyId", "company");
export const credentialIdParam = (c: Context<AppEnv>) =>
  relayIdParam(c, "credentialId", "credential");

/** Microsoft tenant ids and snapshot ids are GUIDs, stored lower-case. */
export function guidParam(c: Context<AppEnv>, name: string, what: string): string {
  const value = param(c, name);
  if (!GUID.test(value))
    // `invalid_snapshot_id`, `invalid_tenant_id`: snake case like every other error code.
    throw new RelayHttpError(
      400,
      `invalid_${what.replaceAll(" ", "_")}`,
      `The ${what} must be a GUID`,
    );
  return value.toLowerCase();
}

export function isGuid(value: string): boolean {
  return GUID.test(value);
}

/**
 * The opaque cursor of the page after `items` (base64url JSON of the last item's sort key), or
 * null when `items` did not fill the page, so it was the last one.
 */
export function nextPageCursor<Item>(
  items: readonly Item[],
  limit: number,
  sortKeyOf: (last: Item) => Record<string, string>,
): string | null {
  const last = items.at(-1);
  if (items.length !== limit || last === undefined) return null;
  return Buffer.from(JSON.stringify(sortKeyOf(last)), "utf8").toString("base64url");
}

export function decodeCursor<Key extends string>(
  cursor: string | undefined,
  keys: readonly Key[],
): Record<Key, string> | undefined {
  if (cursor === undefined || cursor === "") return undefined;
  const invalid = new RelayHttpError(400, "invalid_cursor", "The page cursor is not valid");
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8"));
  } catch {
    throw invalid;
  }
  if (typeof parsed !== "object" || parsed === null) throw invalid;
  const result = {} as Record<Key, string>;
  for (const key of keys) {
    const value = (parsed as Record<string, unknown>)[key];
    if (typeof value !== "string" || value.length > 200) throw invalid;
    result[key] = value;
  }
  return result;
}

export function pageLimit(c: Context<AppEnv>, fallback = 50, max = 200): number {
  const raw = c.req.query("limit");
  if (raw === undefined) return fallback;
  const limit = Number(raw);
  if (!Number.isInteger(limit) || limit < 1 || limit > max) {
    throw new RelayHttpError(400, "invalid_limit", `limit must be an integer from 1 to ${max}`);
  }
  return limit;
}
