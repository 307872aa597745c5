import { createMiddleware } from "hono/factory";
import { findTokenByHash } from "../db/tokens";
import type { AppEnv } from "../http/app-env";
import { currentTime } from "../http/clock";
import { RelayHttpError } from "../http/errors";
import { hashTokenSecret, looksLikeTokenSecret } from "./token-secret";

const BEARER = /^Bearer ([^\s]+)$/i;

/**
 * Every /v1 route except health requires `Authorization: Bearer tl_…`. Missing, malformed,
 * unknown, expired and revoked tokens all get 401 with a reason that helps without leaking
 * whether some other token exists.
 */
export const authenticate = createMiddleware<AppEnv>(async (c, next) => {
  const header = c.req.header("authorization");
  if (header === undefined) {
    throw unauthenticated("missing_token", "Send a relay token as Authorization: Bearer tl_…");
  }
  const secret = BEARER.exec(header.trim())?.[1];
  if (secret === undefined || !looksLikeTokenSecret(secret)) {
    throw unauthenticated("invalid_token", "The relay token is malformed");
  }
  const deps = c.get("deps");
  const token = await findTokenByHash(deps.database.db, hashTokenSecret(secret));
  if (token === undefined) throw unauthenticated("invalid_token", "The relay token is not known");
  if (token.revokedAt !== null) {
    throw unauthenticated(
      "token_revoked",
      "The relay token was revoked; ask an admin for a new one",
    );
  }
  if (token.expiresAt !== null && Date.parse(token.expiresAt) <= currentTime(c).getTime()) {
    throw unauthenticated(
      "token_expired",
      "The relay token has expired; ask an admin for a new one",
    );
  }
  c.set("principal", {
    tokenId: token.id,
    name: token.name,
    role: token.role,
    companyScope: token.companyScope,
  });
  await next();
});

function unauthenticated(code: string, message: string): RelayHttpError {
  return new RelayHttpError(401, code, message, { headers: { "WWW-Authenticate": "Bearer" } });
}
