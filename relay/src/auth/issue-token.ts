import { randomUUID } from "node:crypto";
import type { Db } from "../db/schema";
import { insertToken, type Role, type TokenRecord } from "../db/tokens";
import { displayPrefixOf, generateTokenSecret, hashTokenSecret } from "./token-secret";

export interface IssuedToken {
  /** The secret: returned once, to the person who asked for it, and never stored. */
  secret: string;
  record: TokenRecord;
}

export async function issueToken(
  db: Db,
  request: {
    name: string;
    role: Role;
    expiresAt: string | null;
    companyScope: string[] | null;
    createdByTokenId: string | null;
    now: string;
    id?: string;
  },
): Promise<IssuedToken> {
  const secret = generateTokenSecret();
  const record = await insertToken(db, {
    id: request.id ?? randomUUID(),
    name: request.name,
    role: request.role,
    displayPrefix: displayPrefixOf(secret),
    companyScope: request.companyScope,
    createdAt: request.now,
    expiresAt: request.expiresAt,
    createdByTokenId: request.createdByTokenId,
    tokenHash: hashTokenSecret(secret),
  });
  return { secret, record };
}
