import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { EXTENSION_ID } from "../../shared/src/extension-identity";
import {
  EXTENSION_ORIGIN,
  type ExtensionBrowser,
  launchExtensionBrowser,
  NO_CLOUD,
} from "./fixtures/extension-browser";
import { sendFromPage } from "./fixtures/extension-commands";

/** The built extension's contexts and their message doors, in Chromium, without any cloud. */
describe("extension contexts and message protocol", () => {
  let browser: ExtensionBrowser;
  let sidePanel: Page;

  beforeAll(async () => {
    browser = await launchExtensionBrowser(NO_CLOUD);
    sidePanel = await browser.openExtensionPage("src/ui/sidepanel/index.html");
  });

  afterAll(async () => {
    await browser?.close();
  });

  it("runs the service worker under the id the pinned manifest key yields", () => {
    expect(browser.serviceWorker.url()).toBe(`${EXTENSION_ORIGIN}/service-worker-loader.js`);
    expect(EXTENSION_ORIGIN).toBe(`chrome-extension://${EXTENSION_ID}`);
  });

  it("renders the side panel with the auth status", async () => {
    await sidePanel.locator("#auth-status", { hasText: "Not signed in" }).waitFor();
  });

  it("answers a page's command with a clear error until a client id is configured", async () => {
    const outcome = await sendFromPage(sidePanel, "background", "auth.signIn", {
      mode: "interactive",
    });
    expect(outcome).toMatchObject({
      ok: false,
      error: { name: "ClientIdMissingError", code: "no_client_id" },
    });
  });

  it("rejects a malformed command with the schema's reason", async () => {
    const outcome = await sendFromPage(sidePanel, "background", "auth.acquireToken", {
      tenantId: "contoso.onmicrosoft.com",
      forceRefresh: false,
    });
    expect(outcome).toMatchObject({ ok: false, error: { name: "InvalidCommandError" } });
    expect(outcome.ok ? "" : outcome.error.message).toMatch(/tenantId/);
  });

  it("lets only the service worker command the MSAL host, not an extension page", async () => {
    const options = await browser.openExtensionPage("src/ui/options/index.html");
    await options.locator("#client-id").fill("7c6b8a54-2f1e-4d39-9a0b-5e3c1d2f4a68");
    await options.locator("#save").click();
    await options.getByText("Saved.").waitFor();
    // Opens the offscreen document through the service worker's own path.
    const viaWorker = await sendFromPage(sidePanel, "background", "auth.getAccount", {});
    expect(viaWorker).toEqual({ ok: true, value: null });

    const direct = await sendFromPage(sidePanel, "offscreen", "msal.getAccount", {
      clientId: "7c6b8a54-2f1e-4d39-9a0b-5e3c1d2f4a68",
    });
    expect(direct).toMatchObject({ ok: false, error: { name: "ForbiddenSenderError" } });
  });

  it("refuses an invalid client id on the options page", async () => {
    const options = await browser.openExtensionPage("src/ui/options/index.html");
    await options.locator("#client-id").fill("not-a-guid");
    await options.locator("#save").click();
    await options.getByText("The client id is a GUID").waitFor();
  });
});
