/**
 * Who may send commands to whom. Receivers deny by default and trust only what the browser
 * stamps on `sender` (id, url), never anything inside the message.
 * https://developer.chrome.com/docs/extensions/develop/concepts/messaging#security-considerations
 */

/** The parts of `chrome.runtime.MessageSender` the policy reads. */
export interface SenderFacts {
  id?: string | undefined;
  url?: string | undefined;
  /** Set for documents (pages, frames); absent for workers. */
  documentId?: string | undefined;
}

function originOf(url: string | undefined): string | null {
  if (url === undefined) return null;
  try {
    // Not `URL.origin`: for non-special schemes such as chrome-extension: it is "null" outside
    // Chromium (WHATWG URL), which would make this policy differ between tests and browser.
    const parsed = new URL(url);
    return `${parsed.protocol}//${parsed.host}`;
  } catch {
    // An unparsable sender URL cannot be one of our pages.
    return null;
  }
}

/** A page of this extension (popup, side panel, options; also when opened in a tab). */
export function isOwnExtensionPage(sender: SenderFacts, extensionId: string): boolean {
  return sender.id === extensionId && originOf(sender.url) === `chrome-extension://${extensionId}`;
}

/**
 * This extension's service worker, the only sender the MSAL host accepts: a context of our
 * origin that is not a document (Chromium stamps `documentId` on every page and frame, never on
 * the worker). The offscreen document cannot read the manifest to learn the worker's script
 * name: offscreen documents get `chrome.runtime` messaging only.
 */
export function isOwnServiceWorker(sender: SenderFacts, extensionId: string): boolean {
  return (
    sender.id === extensionId &&
    originOf(sender.url) === `chrome-extension://${extensionId}` &&
    sender.documentId === undefined
  );
}
