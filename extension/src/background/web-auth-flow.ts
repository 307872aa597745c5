import { classifyWebAuthFlowFailure } from "../auth/errors";
import type { SignInMode } from "../messages";

/**
 * Runs an authorize URL in the browser's own auth window and resolves with the URL Entra
 * redirected to (`https://<extension-id>.chromiumapp.org/#code=…` or `#error=…`). The window
 * shares the profile's cookies, so a silent run sees Entra's session cookie.
 */
export async function runWebAuthFlow(authorizeUrl: string, mode: SignInMode): Promise<string> {
  let responseUrl: string | undefined;
  try {
    responseUrl = await chrome.identity.launchWebAuthFlow({
      url: authorizeUrl,
      interactive: mode === "interactive",
    });
  } catch (error) {
    throw classifyWebAuthFlowFailure(error instanceof Error ? error.message : String(error));
  }
  if (responseUrl === undefined) throw classifyWebAuthFlowFailure("No redirect URL returned.");
  return responseUrl;
}
