import type { AccountSummary } from "../../auth/summaries";
import type { RequestOf, SignInMode } from "../../messages";
import { sendCommand } from "../../messaging/send";
import { authStatusItem, readItem } from "../../state";
import { recordIfSignInRequired, recordSignedIn, recordSilentAttemptStarted } from "../auth-status";
import { requireClientId } from "../client-id";
import { ensureOffscreenDocument } from "../offscreen-document";
import { runWebAuthFlow } from "../web-auth-flow";

/**
 * One sign-in at a time: a second click (or the popup reopened, or a silent recovery) joins the
 * flow under way instead of opening a second window, which MSAL would refuse anyway
 * (`interaction_in_progress`).
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
  // A silent sign-in is for the account we know, even when MSAL's cache went with its document.
  const knownAccount = mode === "silent" ? (await readItem(authStatusItem)).account : null;
  if (mode === "silent") await recordSilentAttemptStarted();
  await ensureOffscreenDocument();
  try {
    const { authorizeUrl } = await sendCommand("offscreen", "msal.beginRedirect", {
      clientId,
      mode,
      knownAccount,
    });
    let responseUrl: string;
    try {
      responseUrl = await runWebAuthFlow(authorizeUrl, mode);
    } catch (error) {
      await sendCommand("offscreen", "msal.abandonRedirect", { clientId });
      throw error;
    }
    const result = await sendCommand("offscreen", "msal.completeRedirect", {
      clientId,
      responseUrl,
    });
    await recordSignedIn(result, mode);
    return result.account;
  } catch (error) {
    await recordIfSignInRequired(error);
    throw error;
  }
}
