import type { TenantAccessCheck } from "../../auth/summaries";
import type { RequestOf } from "../../messages";
import { sendCommand } from "../../messaging/send";
import { requireClientId } from "../client-id";
import { ensureOffscreenDocument } from "../offscreen-document";
import { withSilentRecovery } from "../silent-recovery";

/** Reads a tenant's organization through Graph, in the offscreen document where tokens live. */
export async function checkAccess({
  tenantId,
}: RequestOf<"background", "tenant.checkAccess">): Promise<TenantAccessCheck> {
  const clientId = await requireClientId();
  return withSilentRecovery(async () => {
    await ensureOffscreenDocument();
    return sendCommand("offscreen", "graph.checkTenantAccess", { clientId, tenantId });
  });
}
