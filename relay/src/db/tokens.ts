import type { Db, TokensTable } from "./schema";

export type Role = TokensTable["role"];
export const ROLES = ["admin", "technician", "viewer"] as const satisfies readonly Role[];

/** A token as listed: everything but the secret (which is never stored) and its hash. */
export interface TokenRecord {
  id: string;
  name: string;
  role: Role;
  displayPrefix: string;
  /** Company ids the token may touch; null = every company. */
  companyScope: string[] | null;
  createdAt: string;
  expiresAt: string | null;
  revokedAt: string | null;
  createdByTokenId: string | null;
}

function parseScope(scope: string | null): string[] | null {
  if (scope === null) return null;
  const parsed: unknown = JSON.parse(scope);
  if (!Array.isArray(parsed) || !parsed.every((id) => typeof id === "string")) {
    throw new Error("tokens.company_scope is not a JSON array of strings");
  }
  return parsed;
}

function toRecord(row: TokensTable): TokenRecord {
  return {
    id: row.id,
    name: row.name,
    role: row.role,
    displayPrefix: row.display_prefix,
    companyScope: parseScope(row.company_scope),
    createdAt: row.created_at,
    expiresAt: row.expires_at,
    revokedAt: row.revoked_at,
    createdByTokenId: row.created_by_token_id,
  };
}

export async function insertToken(
  db: Db,
  token: Omit<TokenRecord, "revokedAt"> & { tokenHash: string },
): Promise<TokenRecord> {
  await db
    .insertInto("tokens")
    .values({
      id: token.id,
      name: token.name,
      role: token.role,
      token_hash: token.tokenHash,
      display_prefix: token.displayPrefix,
      company_scope: token.companyScope === null ? null : JSON.stringify(token.companyScope),
      created_at: token.createdAt,
      expires_at: token.expiresAt,
      revoked_at: null,
      created_by_token_id: token.createdByTokenId,
    })
    .execute();
  const { tokenHash: _secretHash, ...record } = token;
  return { ...record, revokedAt: null };
}

export async function findTokenByHash(db: Db, tokenHash: string): Promise<TokenRecord | undefined> {
  const row = await db
    .selectFrom("tokens")
    .selectAll()
    .where("token_hash", "=", tokenHash)
    .executeTakeFirst();
  return row === undefined ? undefined : toRecord(row);
}

export async function getToken(db: Db, id: string): Promise<TokenRecord | undefined> {
  const row = await db.selectFrom("tokens").selectAll().where("id", "=", id).executeTakeFirst();
  return row === undefined ? undefined : toRecord(row);
}

export async function listTokens(db: Db): Promise<TokenRecord[]> {
  const rows = await db
    .selectFrom("tokens")
    .selectAll()
    .orderBy("created_at")
    .orderBy("id")
    .execute();
  return rows.map(toRecord);
}

export async function countTokens(db: Db): Promise<number> {
  const row = await db
    .selectFrom("tokens")
    .select((eb) => eb.fn.countAll<number | string>().as("count"))
    .executeTakeFirstOrThrow();
  return Number(row.count);
}

/** Revokes a token; revoking twice keeps the first revocation time. */
export async function revokeToken(
  db: Db,
  id: string,
  now: string,
): Promise<TokenRecord | undefined> {
  await db
    .updateTable("tokens")
    .set({ revoked_at: now })
    .where("id", "=", id)
    .where("revoked_at", "is", null)
    .execute();
  return getToken(db, id);
}
