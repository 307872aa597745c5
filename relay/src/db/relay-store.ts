import type { Db } from "./schema";

/** This store's id (migration 0003): what a spool folder records it belongs to. */
export async function getStoreId(db: Db): Promise<string> {
  const row = await db.selectFrom("relay_store").select("id").executeTakeFirstOrThrow();
  return row.id;
}
