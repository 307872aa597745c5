/**
 * Opens the offscreen document that hosts MSAL, once. MSAL needs `window`, Web Storage and
 * `crypto.subtle` in a document, which a service worker does not have.
 * https://developer.chrome.com/docs/extensions/reference/api/offscreen
 */
const OFFSCREEN_PATH = "src/offscreen/index.html";

let creating: Promise<void> | null = null;

export async function ensureOffscreenDocument(): Promise<void> {
  if (await chrome.offscreen.hasDocument()) return;
  // Two commands arriving together must not both create it (Chrome allows one per extension).
  creating ??= chrome.offscreen
    .createDocument({
      url: OFFSCREEN_PATH,
      reasons: [chrome.offscreen.Reason.LOCAL_STORAGE],
      justification: "Hosts MSAL.js, which keeps its token cache in Web Storage of a document.",
    })
    .finally(() => {
      creating = null;
    });
  await creating;
}
