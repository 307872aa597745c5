import type { TokenSummary } from "../../auth/summaries";
import type { RequestOf } from "../../messages";
import { sendCommand } from "../../messaging/send";
import { recordTokenIssued } from "../auth-status";
import { requireClientId } from "../client-id";
import { ensureOffscreenDocument } from "../offscreen-document";
import { withSilentRecovery } from "../silent-recovery";

/** A Graph token for the partner tenant or a customer tenant, described, never handed out. */
export async function acquireToken({
  tenantId,
  forceRefresh,
}: RequestOf<"background", "auth.acquireToken">): Promise<TokenSummary> {
  const clientId = await requireClientId();
  const token = await withSilentRecovery(async () => {
    // Inside the retried request: the document may have been closed (and reopened) meanwhile.
    await ensureOffscreenDocument();
    return sendCommand("offscreen", "msal.acquireTokenSilent", {
      clientId,
      tenantId,
      forceRefresh,
    });
  });
  await recordTokenIssued(token);
  return token;
}
