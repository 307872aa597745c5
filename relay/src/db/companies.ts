import type { Db } from "./schema";

export interface Company {
  id: string;
  name: string;
  createdAt: string;
  updatedAt: string;
}

/** Company names are unique whatever their case and surrounding spaces. */
export function companyNameKey(name: string): string {
  return name.trim().toLowerCase();
}

const columns = ["id", "name", "created_at", "updated_at"] as const;

function toCompany(row: { id: string; name: string; created_at: string; updated_at: string }) {
  return { id: row.id, name: row.name, createdAt: row.created_at, updatedAt: row.updated_at };
}

/** Lists companies by name; `onlyIds` limits the list to a token's company scope. */
export async function listCompanies(db: Db, onlyIds: readonly string[] | null): Promise<Company[]> {
  if (onlyIds !== null && onlyIds.length === 0) return [];
  let query = db.selectFrom("companies").select(columns).orderBy("name_key").orderBy("id");
  if (onlyIds !== null) query = query.where("id", "in", onlyIds);
  return (await query.execute()).map(toCompany);
}

export async function getCompany(db: Db, id: string): Promise<Company | undefined> {
  const row = await db
    .selectFrom("companies")
    .select(columns)
    .where("id", "=", id)
    .executeTakeFirst();
  return row === undefined ? undefined : toCompany(row);
}

export async function getCompanyByName(db: Db, name: string): Promise<Company | undefined> {
  const row = await db
    .selectFrom("companies")
    .select(columns)
    .where("name_key", "=", companyNameKey(name))
    .executeTakeFirst();
  return row === undefined ? undefined : toCompany(row);
}

/** Inserts a company; a duplicate name raises the driver's unique-violation error. */
export async function insertCompany(
  db: Db,
  company: { id: string; name: string; now: string },
): Promise<Company> {
  const name = company.name.trim();
  await db
    .insertInto("companies")
    .values({
      id: company.id,
      name,
      name_key: companyNameKey(name),
      created_at: company.now,
      updated_at: company.now,
    })
    .execute();
  return { id: company.id, name, createdAt: company.now, updatedAt: company.now };
}

export async function renameCompany(
  db: Db,
  id: string,
  name: string,
  now: string,
): Promise<Company | undefined> {
  const trimmed = name.trim();
  await db
    .updateTable("companies")
    .set({ name: trimmed, name_key: companyNameKey(trimmed), updated_at: now })
    .where("id", "=", id)
    .execute();
  return getCompany(db, id);
}

export async function deleteCompany(db: Db, id: string): Promise<boolean> {
  const result = await db.deleteFrom("companies").where("id", "=", id).executeTakeFirst();
  return result.numDeletedRows > 0n;
}
