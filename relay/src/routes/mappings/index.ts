import { Hono } from "hono";
import { z } from "zod";
import { canAccessCompany } from "../../auth/permissions";
import { assertCompanyAccess, requirePermission } from "../../auth/require";
import { getCompany } from "../../db/companies";
import { getCredential } from "../../db/credentials";
import { deleteMapping, getMapping, listMappings } from "../../db/tenant-mappings";
import type { AppEnv } from "../../http/app-env";
import { audit } from "../../http/audit";
import { notFound, RelayHttpError } from "../../http/errors";
import { readJsonBody } from "../../http/json-body";
import { guidParam } from "../../http/params";
import { storeMapping } from "./store-mapping";

const putMappingSchema = z
  .object({
    companyId: z.string().regex(/^[A-Za-z0-9_-]{1,128}$/, "not a company id"),
    credentialId: z
      .string()
      .regex(/^[A-Za-z0-9_-]{1,128}$/, "not a credential id")
      .nullable(),
  })
  .strict();

/** Company ↔ Microsoft tenant mappings, keyed by tenant id (a tenant belongs to one company). */
export const mappingRoutes = new Hono<AppEnv>()
  .get("/", requirePermission("read"), async (c) => {
    const companyId = c.req.query("companyId");
    const mappings = await listMappings(c.get("deps").database.db, {
      ...(companyId !== undefined && { companyId }),
      onlyCompanyIds: c.get("principal").companyScope,
    });
    return c.json({ mappings });
  })
  .get("/:tenantId", requirePermission("read"), async (c) => {
    const mapping = await getMapping(
      c.get("deps").database.db,
      guidParam(c, "tenantId", "tenant id"),
    );
    // A mapping to a company outside the token's scope is reported as absent, not forbidden:
    // the caller has no business learning which company owns that tenant.
    if (mapping === undefined || !canAccessCompany(c.get("principal"), mapping.companyId)) {
      throw notFound("Mapping");
    }
    return c.json({ mapping });
  })
  .put("/:tenantId", requirePermission("mappings:write"), async (c) => {
    const tenantId = guidParam(c, "tenantId", "tenant id");
    const body = await readJsonBody(c, putMappingSchema);
    assertCompanyAccess(c, body.companyId);
    const db = c.get("deps").database.db;
    const mapping = await db.transaction().execute(async (trx) => {
      const previous = await getMapping(trx, tenantId);
      if (previous !== undefined) assertCompanyAccess(c, previous.companyId);
      if ((await getCompany(trx, body.companyId)) === undefined) {
        throw new RelayHttpError(422, "unknown_company", "companyId names no company");
      }
      if (
        body.credentialId !== null &&
        (await getCredential(trx, body.credentialId)) === undefined
      ) {
        throw new RelayHttpError(422, "unknown_credential", "credentialId names no credential");
      }
      return storeMapping(c, trx, { tenantId, ...body }, previous);
    });
    return c.json({ mapping });
  })
  .delete("/:tenantId", requirePermission("mappings:write"), async (c) => {
    const tenantId = guidParam(c, "tenantId", "tenant id");
    const db = c.get("deps").database.db;
    await db.transaction().execute(async (trx) => {
      const previous = await getMapping(trx, tenantId);
      if (previous === undefined) throw notFound("Mapping");
      assertCompanyAccess(c, previous.companyId);
      await deleteMapping(trx, tenantId);
      await audit(c, trx, {
        action: "mapping.delete",
        targetType: "mapping",
        targetId: tenantId,
        detail: { companyId: previous.companyId },
      });
    });
    return c.body(null, 204);
  });
