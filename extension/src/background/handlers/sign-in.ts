import type { AccountSummary } from "../../auth/summaries";
import type { RequestOf, SignInMode } from "../../messages";
import { sendCommand } from "../../messaging/send";
import { recordIfSignInRequired, recordSignedIn } from "../auth-status";
import { requireClientId } from "../client-id";
import { ensureOffscreenDocument } from "../offscreen-document";
import { runWebAuthFlow } from "../web-auth-flow";

/**
 * One sign-in at a time: a second click (or the popup reopened) joins the flow under way instead
 * of opening a second window, which MSAL would refuse anyway (`interaction_in_progress`).
 */
let inFlight: Promise<AccountSummary> | null = null;

/**
 * Auth code + PKCE through `chrome.identity.launchWebAuthFlow`: MSAL (offscreen) builds the
 * request, the browser's auth window runs it, MSAL redeems the answer.
 */
export function signIn({ mode }: RequestOf<"background", "auth.signIn">): Promise<AccountSummary> {
  inFlight ??= runSignIn(mode).finally(() => {
    inFlight = null;
  });
  return inFlight;
}

async function runSignIn(mode: SignInMode): Promise<AccountSummary> {
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
