import type { Db, TenantMappingsTable } from "./schema";

/** Which company a Microsoft tenant belongs to, and which credential reaches it. */
export interface TenantMapping {
  tenantId: string;
  companyId: string;
  credentialId: string | null;
  createdAt: string;
  updatedAt: string;
}

function toMapping(row: TenantMappingsTable): TenantMapping {
  return {
    tenantId: row.tenant_id,
    companyId: row.company_id,
    credentialId: row.credential_id,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

export async function listMappings(
  db: Db,
  filter: { companyId?: string; onlyCompanyIds: readonly string[] | null },
): Promise<TenantMapping[]> {
  if (filter.onlyCompanyIds !== null && filter.onlyCompanyIds.length === 0) return [];
  let query = db
    .selectFrom("tenant_mappings")
    .selectAll()
    .orderBy("company_id")
    .orderBy("tenant_id");
  if (filter.companyId !== undefined) query = query.where("company_id", "=", filter.companyId);
  if (filter.onlyCompanyIds !== null)
    query = query.where("company_id", "in", filter.onlyCompanyIds);
  return (await query.execute()).map(toMapping);
}

export async function getMapping(db: Db, tenantId: string): Promise<TenantMapping | undefined> {
  const row = await db
    .selectFrom("tenant_mappings")
    .selectAll()
    .where("tenant_id", "=", tenantId)
    .executeTakeFirst();
  return row === undefined ? undefined : toMapping(row);
}

/** Maps (or re-maps) a tenant; a tenant belongs to exactly one company at a time. */
export async function upsertMapping(
  db: Db,
  mapping: { tenantId: string; companyId: string; credentialId: string | null },
  now: string,
): Promise<TenantMapping> {
  await db
    .insertInto("tenant_mappings")
    .values({
      tenant_id: mapping.tenantId,
      company_id: mapping.companyId,
      credential_id: mapping.credentialId,
      created_at: now,
      updated_at: now,
    })
    .onConflict((oc) =>
      oc.column("tenant_id").doUpdateSet({
        company_id: mapping.companyId,
        credential_id: mapping.credentialId,
        updated_at: now,
      }),
    )
    .execute();
  const stored = await getMapping(db, mapping.tenantId);
  if (stored === undefined)
    throw new Error(`Mapping for ${mapping.tenantId} vanished after upsert`);
  return stored;
}

export async function deleteMapping(db: Db, tenantId: string): Promise<boolean> {
  const result = await db
    .deleteFrom("tenant_mappings")
    .where("tenant_id", "=", tenantId)
    .executeTakeFirst();
  return result.numDeletedRows > 0n;
}
