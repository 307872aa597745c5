import { randomUUID } from "node:crypto";
import { type Context, Hono } from "hono";
import { z } from "zod";
import { assertUnscoped, requirePermission } from "../../auth/require";
import {
  deleteCredential,
  getCredential,
  insertCredential,
  listCredentials,
  updateCredential,
} from "../../db/credentials";
import { listMappings } from "../../db/tenant-mappings";
import type { AppEnv } from "../../http/app-env";
import { audit } from "../../http/audit";
import { nowIso } from "../../http/clock";
import { notFound } from "../../http/errors";
import { readJsonBody } from "../../http/json-body";
import { credentialIdParam, GUID } from "../../http/params";

const guid = z.string().regex(GUID);

/**
 * Only metadata: `.strict()` makes a body carrying anything else (a token, a secret, a password)
 * a 422 rather than something silently dropped, so a client bug cannot leak one into the relay.
 */
const credentialFields = {
  name: z.string().trim().min(1).max(200),
  kind: z.enum(["csp", "nonCsp"]),
  homeTenantId: guid.nullable(),
  owner: z.string().trim().max(256).nullable(),
};
const createCredentialSchema = z.object(credentialFields).strict();
const updateCredentialSchema = z
  .object({
    name: credentialFields.name.optional(),
    kind: credentialFields.kind.optional(),
    homeTenantId: credentialFields.homeTenantId.optional(),
    owner: credentialFields.owner.optional(),
  })
  .strict();

/**
 * Credentials are shared by every company they reach. A token limited to some companies sees only
 * the credentials mapped to those companies (null: it sees all), and may not create, change or
 * delete any, since that would reach companies outside its scope.
 */
async function visibleCredentialIds(c: Context<AppEnv>): Promise<ReadonlySet<string> | null> {
  const scope = c.get("principal").companyScope;
  if (scope === null) return null;
  const mappings = await listMappings(c.get("deps").database.db, { onlyCompanyIds: scope });
  return new Set(mappings.flatMap((mapping) => mapping.credentialId ?? []));
}

const UNSCOPED_TO_WRITE =
  "Credentials are shared by every company: a company-scoped token cannot create, change or delete them";

export const credentialRoutes = new Hono<AppEnv>()
  .get("/", requirePermission("read"), async (c) => {
    const visible = await visibleCredentialIds(c);
    const credentials = await listCredentials(c.get("deps").database.db);
    return c.json({
      credentials: visible === null ? credentials : credentials.filter((cr) => visible.has(cr.id)),
    });
  })
  .post("/", requirePermission("credentials:write"), async (c) => {
    assertUnscoped(c, UNSCOPED_TO_WRITE);
    const body = await readJsonBody(c, createCredentialSchema);
    const db = c.get("deps").database.db;
    const credential = await db.transaction().execute(async (trx) => {
      const created = await insertCredential(
        trx,
        { id: randomUUID(), ...body, homeTenantId: body.homeTenantId?.toLowerCase() ?? null },
        nowIso(c),
      );
      await audit(c, trx, {
        action: "credential.create",
        targetType: "credential",
        targetId: created.id,
        detail: { name: created.name, kind: created.kind },
      });
      return created;
    });
    return c.json({ credential }, 201);
  })
  .get("/:credentialId", requirePermission("read"), async (c) => {
    const id = credentialIdParam(c);
    const credential = await getCredential(c.get("deps").database.db, id);
    const visible = await visibleCredentialIds(c);
    // Hidden like a missing one, so a scoped token cannot probe other companies' credential ids.
    if (credential === undefined || (visible !== null && !visible.has(id))) {
      throw notFound("Credential");
    }
    return c.json({ credential });
  })
  .patch("/:credentialId", requirePermission("credentials:write"), async (c) => {
    assertUnscoped(c, UNSCOPED_TO_WRITE);
    const id = credentialIdParam(c);
    const body = await readJsonBody(c, updateCredentialSchema);
    const db = c.get("deps").database.db;
    const credential = await db.transaction().execute(async (trx) => {
      if ((await getCredential(trx, id)) === undefined) throw notFound("Credential");
      const changes = {
        ...(body.name !== undefined && { name: body.name }),
        ...(body.kind !== undefined && { kind: body.kind }),
        ...(body.homeTenantId !== undefined && {
          homeTenantId: body.homeTenantId?.toLowerCase() ?? null,
        }),
        ...(body.owner !== undefined && { owner: body.owner }),
      };
      const updated = await updateCredential(trx, id, changes, nowIso(c));
      await audit(c, trx, {
        action: "credential.update",
        targetType: "credential",
        targetId: id,
        detail: changes,
      });
      return updated;
    });
    return c.json({ credential });
  })
  .delete("/:credentialId", requirePermission("credentials:delete"), async (c) => {
    assertUnscoped(c, UNSCOPED_TO_WRITE);
    const id = credentialIdParam(c);
    const db = c.get("deps").database.db;
    await db.transaction().execute(async (trx) => {
      if (!(await deleteCredential(trx, id))) throw notFound("Credential");
      await audit(c, trx, { action: "credential.delete", targetType: "credential", targetId: id });
    });
    return c.body(null, 204);
  });
