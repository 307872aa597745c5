import type { TokenSummary } from "../../auth/summaries";
import type { RequestOf } from "../../messages";
import { sendCommand } from "../../messaging/send";
import { recordIfSignInRequired } from "../auth-status";
import { requireClientId } from "../client-id";
import { ensureOffscreenDocument } from "../offscreen-document";

/** A Graph token for the partner tenant or a customer tenant, described, never handed out. */
export async function acquireToken({
  tenantId,
  forceRefresh,
}: RequestOf<"background", "auth.acquireToken">): Promise<TokenSummary> {
  const clientId = await requireClientId();
  await ensureOffscreenDocument();
  try {
    return await sendCommand("offscreen", "msal.acquireTokenSilent", {
      clientId,
      tenantId,
      forceRefresh,
    });
  } catch (error) {
    await recordIfSignInRequired(error);
    throw error;
  }
}
