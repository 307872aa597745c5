import type { TenantAccessCheck } from "../../auth/summaries";
import type { RequestOf } from "../../messages";
import { sendCommand } from "../../messaging/send";
import { recordIfSignInRequired } from "../auth-status";
import { requireClientId } from "../client-id";
import { ensureOffscreenDocument } from "../offscreen-document";

/** Reads a tenant's organization through Graph, in the offscreen document where tokens live. */
export async function checkAccess({
  tenantId,
}: RequestOf<"background", "tenant.checkAccess">): Promise<TenantAccessCheck> {
  const clientId = await requireClientId();
  await ensureOffscreenDocument();
  try {
    return await sendCommand("offscreen", "graph.checkTenantAccess", { clientId, tenantId });
  } catch (error) {
    await recordIfSignInRequired(error);
    throw error;
  }
}
