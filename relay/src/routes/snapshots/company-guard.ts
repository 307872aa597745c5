import type { Context } from "hono";
import { assertCompanyAccess } from "../../auth/require";
import { type Company, getCompany } from "../../db/companies";
import type { AppEnv } from "../../http/app-env";
import { notFound } from "../../http/errors";
import { companyIdParam } from "../../http/params";

/** The company of the URL, checked against the token's scope first, then for existence. */
export async function companyFromPath(c: Context<AppEnv>): Promise<Company> {
  const companyId = companyIdParam(c);
  assertCompanyAccess(c, companyId);
  const company = await getCompany(c.get("deps").database.db, companyId);
  if (company === undefined) throw notFound("Company");
  return company;
}
