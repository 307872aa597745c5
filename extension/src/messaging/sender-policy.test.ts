import { describe, expect, it } from "vitest";
import { isOwnExtensionPage, isOwnServiceWorker } from "./sender-policy";

const ID = "lopdgfmgcibcaekiojgpdhmihgfmpikm";
const ORIGIN = `chrome-extension://${ID}`;

describe("sender policy", () => {
  it("accepts our own popup, side panel and options pages", () => {
    const sender = { id: ID, url: `${ORIGIN}/src/ui/popup/index.html`, documentId: "D1" };
    expect(isOwnExtensionPage(sender, ID)).toBe(true);
  });

  it("refuses a content script, whose sender url is the web page it runs in", () => {
    const sender = { id: ID, url: "https://portal.azure.com/#home", documentId: "D2" };
    expect(isOwnExtensionPage(sender, ID)).toBe(false);
  });

  it("refuses another extension", () => {
    const other = "abcdefghijklmnopabcdefghijklmnop";
    const sender = { id: other, url: `chrome-extension://${other}/page.html`, documentId: "D3" };
    expect(isOwnExtensionPage(sender, ID)).toBe(false);
  });

  it("refuses a sender without a parsable url", () => {
    expect(isOwnExtensionPage({ id: ID, url: "not a url" }, ID)).toBe(false);
    expect(isOwnExtensionPage({ id: ID }, ID)).toBe(false);
  });

  it("recognises our service worker: our origin, and no document", () => {
    const worker = { id: ID, url: `${ORIGIN}/service-worker-loader.js` };
    expect(isOwnServiceWorker(worker, ID)).toBe(true);
  });

  it("does not take one of our pages for the service worker", () => {
    const page = { id: ID, url: `${ORIGIN}/src/ui/popup/index.html`, documentId: "D4" };
    expect(isOwnServiceWorker(page, ID)).toBe(false);
  });
});
