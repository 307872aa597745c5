import { Hono } from "hono";
import { z } from "zod";
import { issueToken } from "../../auth/issue-token";
import { assertUnscoped, requirePermission } from "../../auth/require";
import { getToken, listTokens, revokeToken } from "../../db/tokens";
import type { AppEnv } from "../../http/app-env";
import { audit } from "../../http/audit";
import { nowIso } from "../../http/clock";
import { notFound, RelayHttpError } from "../../http/errors";
import { readJsonBody } from "../../http/json-body";

const DAY_MS = 24 * 60 * 60 * 1000;

const createTokenSchema = z
  .object({
    name: z.string().trim().min(1).max(200),
    role: z.enum(["admin", "technician", "viewer"]),
    /** Tokens expire: 90 days unless asked otherwise, at most two years. */
    expiresInDays: z.number().int().min(1).max(730).default(90),
    companyIds: z
      .array(z.string().regex(/^[A-Za-z0-9_-]{1,128}$/))
      .max(1000)
      .nullable()
      .default(null),
  })
  .strict();

const TOKEN_ID = /^[A-Za-z0-9_-]{1,128}$/;

/**
 * Tokens reach every company (a new one may be unlimited), so an admin token limited to some
 * companies manages none: otherwise it could issue itself an unlimited one.
 */
const UNSCOPED_TO_MANAGE =
  "Tokens reach every company: a company-scoped token cannot list, create or revoke them";

export const tokenRoutes = new Hono<AppEnv>()
  /** Who am I: lets the extension show which token (and role) it is configured with. */
  .get("/self", (c) => c.json({ principal: c.get("principal") }))
  .get("/", requirePermission("tokens:manage"), async (c) => {
    assertUnscoped(c, UNSCOPED_TO_MANAGE);
    return c.json({ tokens: await listTokens(c.get("deps").database.db) });
  })
  .post("/", requirePermission("tokens:manage"), async (c) => {
    assertUnscoped(c, UNSCOPED_TO_MANAGE);
    const body = await readJsonBody(c, createTokenSchema);
    const now = nowIso(c);
    const db = c.get("deps").database.db;
    const issued = await db.transaction().execute(async (trx) => {
      const created = await issueToken(trx, {
        name: body.name,
        role: body.role,
        expiresAt: new Date(Date.parse(now) + body.expiresInDays * DAY_MS).toISOString(),
        companyScope: body.companyIds,
        createdByTokenId: c.get("principal").tokenId,
        now,
      });
      await audit(c, trx, {
        action: "token.create",
        targetType: "token",
        targetId: created.record.id,
        detail: { name: body.name, role: body.role, companyIds: body.companyIds },
      });
      return created;
    });
    // The only time the secret leaves the relay; it is not stored and cannot be shown again.
    return c.json({ token: issued.record, secret: issued.secret }, 201);
  })
  .delete("/:tokenId", requirePermission("tokens:manage"), async (c) => {
    assertUnscoped(c, UNSCOPED_TO_MANAGE);
    const tokenId = c.req.param("tokenId");
    if (!TOKEN_ID.test(tokenId))
      throw new RelayHttpError(400, "invalid_token_id", "Not a token id");
    const db = c.get("deps").database.db;
    const token = await db.transaction().execute(async (trx) => {
      if ((await getToken(trx, tokenId)) === undefined) throw notFound("Token");
      const revoked = await revokeToken(trx, tokenId, nowIso(c));
      await audit(c, trx, { action: "token.revoke", targetType: "token", targetId: tokenId });
      return revoked;
    });
    return c.json({ token });
  });
