import type { Kysely } from "kysely";
import { isUniqueViolation } from "../db/errors";
import type { Database } from "../db/schema";
import { countTokens } from "../db/tokens";
import { type IssuedToken, issueToken } from "./issue-token";

/** Fixed id: two instances starting together on one PostgreSQL create one first admin, not two. */
const FIRST_ADMIN_TOKEN_ID = "first-admin";

/**
 * On first start (no token at all) the relay creates an admin token so that someone can log in;
 * the caller prints the secret once. Later starts return null.
 */
export async function ensureFirstAdminToken(
  db: Kysely<Database>,
  now: string,
): Promise<IssuedToken | null> {
  if ((await countTokens(db)) > 0) return null;
  try {
    return await issueToken(db, {
      id: FIRST_ADMIN_TOKEN_ID,
      name: "first admin (created on first start)",
      role: "admin",
      expiresAt: null,
      companyScope: null,
      createdByTokenId: null,
      now,
    });
  } catch (error) {
    if (isUniqueViolation(error)) return null;
    throw error;
  }
}
