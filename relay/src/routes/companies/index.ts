import { randomUUID } from "node:crypto";
import { Hono } from "hono";
import {
  assertCompanyAccess,
  assertPermission,
  assertUnscoped,
  requirePermission,
} from "../../auth/require";
import {
  type Company,
  deleteCompany,
  getCompany,
  getCompanyByName,
  insertCompany,
  listCompanies,
  renameCompany,
} from "../../db/companies";
import { isUniqueViolation } from "../../db/errors";
import { getMapping } from "../../db/tenant-mappings";
import type { AppEnv } from "../../http/app-env";
import { audit } from "../../http/audit";
import { nowIso } from "../../http/clock";
import { notFound, RelayHttpError } from "../../http/errors";
import { readJsonBody } from "../../http/json-body";
import { companyIdParam } from "../../http/params";
import { storeMapping } from "../mappings/store-mapping";
import {
  createCompanyBodySchema,
  importCompaniesBodySchema,
  renameCompanyBodySchema,
} from "./schemas";

const nameTaken = (name: string) =>
  new RelayHttpError(409, "company_name_taken", `A company named "${name}" already exists`);

/** A token limited to some companies cannot create new ones (they would be outside its scope). */
const UNSCOPED_TO_CREATE = "A company-scoped token cannot create companies";

export const companyRoutes = new Hono<AppEnv>()
  .get("/", requirePermission("read"), async (c) => {
    const companies = await listCompanies(
      c.get("deps").database.db,
      c.get("principal").companyScope,
    );
    return c.json({ companies });
  })
  .post("/", requirePermission("companies:write"), async (c) => {
    assertUnscoped(c, UNSCOPED_TO_CREATE);
    const body = await readJsonBody(c, createCompanyBodySchema);
    const db = c.get("deps").database.db;
    try {
      const company = await db.transaction().execute(async (trx) => {
        const created = await insertCompany(trx, {
          id: randomUUID(),
          name: body.name,
          now: nowIso(c),
        });
        await audit(c, trx, {
          action: "company.create",
          targetType: "company",
          targetId: created.id,
          detail: { name: created.name },
        });
        return created;
      });
      return c.json({ company }, 201);
    } catch (error) {
      if (isUniqueViolation(error)) throw nameTaken(body.name);
      throw error;
    }
  })
  .post("/import", requirePermission("companies:write"), async (c) => {
    assertUnscoped(c, UNSCOPED_TO_CREATE);
    assertPermission(c.get("principal"), "mappings:write");
    const body = await readJsonBody(c, importCompaniesBodySchema);
    const db = c.get("deps").database.db;
    const now = nowIso(c);
    const result = await db.transaction().execute(async (trx) => {
      const created: Company[] = [];
      const existing: Company[] = [];
      let mapped = 0;
      for (const entry of body.companies) {
        let company = await getCompanyByName(trx, entry.name);
        if (company === undefined) {
          company = await insertCompany(trx, { id: randomUUID(), name: entry.name, now });
          created.push(company);
        } else if (!existing.some((known) => known.id === company?.id)) {
          existing.push(company);
        }
        for (const rawTenantId of entry.tenantIds ?? []) {
          const tenantId = rawTenantId.toLowerCase();
          const previous = await getMapping(trx, tenantId);
          // Already mapped here: left as it is, with the credential that reaches it.
          if (previous?.companyId === company.id) continue;
          // Moved or new; a credential already recorded for the tenant still reaches it.
          const credentialId = previous?.credentialId ?? null;
          await storeMapping(c, trx, { tenantId, companyId: company.id, credentialId }, previous);
          mapped += 1;
        }
      }
      await audit(c, trx, {
        action: "company.import",
        targetType: "company",
        targetId: null,
        detail: { created: created.length, existing: existing.length, mapped },
      });
      return { created, existing };
    });
    return c.json(result);
  })
  .get("/:companyId", requirePermission("read"), async (c) => {
    const companyId = companyIdParam(c);
    assertCompanyAccess(c, companyId);
    const company = await getCompany(c.get("deps").database.db, companyId);
    if (company === undefined) throw notFound("Company");
    return c.json({ company });
  })
  .patch("/:companyId", requirePermission("companies:write"), async (c) => {
    const companyId = companyIdParam(c);
    assertCompanyAccess(c, companyId);
    const body = await readJsonBody(c, renameCompanyBodySchema);
    const db = c.get("deps").database.db;
    try {
      const company = await db.transaction().execute(async (trx) => {
        const before = await getCompany(trx, companyId);
        if (before === undefined) throw notFound("Company");
        const renamed = await renameCompany(trx, companyId, body.name, nowIso(c));
        await audit(c, trx, {
          action: "company.rename",
          targetType: "company",
          targetId: companyId,
          detail: { from: before.name, to: body.name },
        });
        return renamed;
      });
      return c.json({ company });
    } catch (error) {
      if (isUniqueViolation(error)) throw nameTaken(body.name);
      throw error;
    }
  })
  .delete("/:companyId", requirePermission("companies:delete"), async (c) => {
    const companyId = companyIdParam(c);
    assertCompanyAccess(c, companyId);
    const db = c.get("deps").database.db;
    await db.transaction().execute(async (trx) => {
      const company = await getCompany(trx, companyId);
      if (company === undefined || !(await deleteCompany(trx, companyId)))
        throw notFound("Company");
      await audit(c, trx, {
        action: "company.delete",
        targetType: "company",
        targetId: companyId,
        detail: { name: company.name },
      });
    });
    return c.body(null, 204);
  });
