import type { Context } from "hono";
import type { Db } from "../../db/schema";
import { type TenantMapping, upsertMapping } from "../../db/tenant-mappings";
import type { AppEnv } from "../../http/app-env";
import { audit } from "../../http/audit";
import { nowIso } from "../../http/clock";

/**
 * Maps a tenant (or moves it from `previous`) and records it in the audit trail as
 * `mapping.create` or `mapping.update`: the one way every route changes a mapping, so that a
 * tenant moved by a company import shows in the trail like one moved by `PUT /v1/mappings`.
 */
export async function storeMapping(
  c: Context<AppEnv>,
  trx: Db,
  mapping: { tenantId: string; companyId: string; credentialId: string | null },
  previous: TenantMapping | undefined,
): Promise<TenantMapping> {
  const stored = await upsertMapping(trx, mapping, nowIso(c));
  await audit(c, trx, {
    action: previous === undefined ? "mapping.create" : "mapping.update",
    targetType: "mapping",
    targetId: mapping.tenantId,
    detail: {
      companyId: mapping.companyId,
      credentialId: mapping.credentialId,
      previousCompanyId: previous?.companyId ?? null,
    },
  });
  return stored;
}
