import type { AccountSummary } from "../../auth/summaries";
import type { RequestOf } from "../../messages";
import { sendCommand } from "../../messaging/send";
import { recordIfSignInRequired, recordSignedIn } from "../auth-status";
import { requireClientId } from "../client-id";
import { ensureOffscreenDocument } from "../offscreen-document";
import { runWebAuthFlow } from "../web-auth-flow";

/**
 * Auth code + PKCE through `chrome.identity.launchWebAuthFlow`: MSAL (offscreen) builds the
 * request, the browser's auth window runs it, MSAL redeems the answer.
 */
export async function signIn({
  mode,
}: RequestOf<"background", "auth.signIn">): Promise<AccountSummary> {
  const clientId = await requireClientId();
  await ensureOffscreenDocument();
  try {
    const { authorizeUrl } = await sendCommand("offscreen", "msal.beginRedirect", {
      clientId,
      mode,
    });
    let responseUrl: string;
    try {
      responseUrl = await runWebAuthFlow(authorizeUrl, mode);
    } catch (error) {
      await sendCommand("offscreen", "msal.abandonRedirect", { clientId });
      throw error;
    }
    const account = await sendCommand("offscreen", "msal.completeRedirect", {
      clientId,
      responseUrl,
    });
    await recordSignedIn(account);
    return account;
  } catch (error) {
    await recordIfSignInRequired(error);
    throw error;
  }
}
