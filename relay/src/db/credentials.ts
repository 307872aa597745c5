import type { CredentialsTable, Db } from "./schema";

/** What the relay knows about a credential: metadata only, never a token or a secret. */
export interface CredentialMetadata {
  id: string;
  name: string;
  kind: CredentialsTable["kind"];
  homeTenantId: string | null;
  owner: string | null;
  createdAt: string;
  updatedAt: string;
}

export type CredentialChanges = Partial<
  Pick<CredentialMetadata, "name" | "kind" | "homeTenantId" | "owner">
>;

function toCredential(row: CredentialsTable): CredentialMetadata {
  return {
    id: row.id,
    name: row.name,
    kind: row.kind,
    homeTenantId: row.home_tenant_id,
    owner: row.owner,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

export async function listCredentials(db: Db): Promise<CredentialMetadata[]> {
  const rows = await db
    .selectFrom("credentials")
    .selectAll()
    .orderBy("name")
    .orderBy("id")
    .execute();
  return rows.map(toCredential);
}

export async function getCredential(db: Db, id: string): Promise<CredentialMetadata | undefined> {
  const row = await db
    .selectFrom("credentials")
    .selectAll()
    .where("id", "=", id)
    .executeTakeFirst();
  return row === undefined ? undefined : toCredential(row);
}

export async function insertCredential(
  db: Db,
  credential: Omit<CredentialMetadata, "createdAt" | "updatedAt">,
  now: string,
): Promise<CredentialMetadata> {
  await db
    .insertInto("credentials")
    .values({
      id: credential.id,
      name: credential.name,
      kind: credential.kind,
      home_tenant_id: credential.homeTenantId,
      owner: credential.owner,
      created_at: now,
      updated_at: now,
    })
    .execute();
  return { ...credential, createdAt: now, updatedAt: now };
}

export async function updateCredential(
  db: Db,
  id: string,
  changes: CredentialChanges,
  now: string,
): Promise<CredentialMetadata | undefined> {
  await db
    .updateTable("credentials")
    .set({
      updated_at: now,
      ...(changes.name !== undefined && { name: changes.name }),
      ...(changes.kind !== undefined && { kind: changes.kind }),
      ...(changes.homeTenantId !== undefined && { home_tenant_id: changes.homeTenantId }),
      ...(changes.owner !== undefined && { owner: changes.owner }),
    })
    .where("id", "=", id)
    .execute();
  return getCredential(db, id);
}

export async function deleteCredential(db: Db, id: string): Promise<boolean> {
  const result = await db.deleteFrom("credentials").where("id", "=", id).executeTakeFirst();
  return result.numDeletedRows > 0n;
}
