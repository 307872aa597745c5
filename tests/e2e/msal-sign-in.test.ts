import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { EXTENSION_REDIRECT_URI } from "../../shared/src/extension-identity";
import type { RequestLogEntry } from "../cloud/context";
import { queryRequestLog } from "../cloud/request-log";
import { type RunningCloud, startCloud } from "../cloud/server";
import {
  DEMO_PASSWORD,
  DEMO_SIGN_IN_NAMES,
  DEMO_SPA_APP_ID,
  DEMO_TENANTS,
} from "../cloud/tenants/demo-constants";
import { type ExtensionBrowser, launchExtensionBrowser } from "./fixtures/extension-browser";
import { expectValue, sendFromPage } from "./fixtures/extension-commands";
import { completeMicrosoftSignIn } from "./fixtures/microsoft-sign-in";

/**
 * Acceptance #2 of issue 2: unmodified @azure/msal-browser in the built extension, in headless
 * Chromium, against the emulated login.microsoftonline.com and graph.microsoft.com. The steps
 * build on each other (one sign-in, one browser), so they run in order.
 */
const MINUTE = 60_000;
const PARTNER = DEMO_TENANTS.partner.id;
/** The demo customers where tenantlens has admin consent and the partner admin holds GDAP. */
const CUSTOMERS = [DEMO_TENANTS.contoso.id, DEMO_TENANTS.fabrikam.id, DEMO_TENANTS.tailspin.id];
/** A demo customer that never consented to tenantlens. */
const UNCONSENTED_CUSTOMER = DEMO_TENANTS.litware.id;
const [FIRST_CUSTOMER] = CUSTOMERS as [string, ...string[]];

function requestsTo(cloud: RunningCloud, method: string, path: string): RequestLogEntry[] {
  return queryRequestLog(cloud.ctx, { method, path });
}

function tokenRequests(cloud: RunningCloud, tenant: string): RequestLogEntry[] {
  return requestsTo(cloud, "POST", `/${tenant}/oauth2/v2.0/token`);
}

describe("MSAL sign-in in the extension through chrome.identity", () => {
  let cloud: RunningCloud;
  let browser: ExtensionBrowser;
  let popup: Page;

  beforeAll(async () => {
    cloud = await startCloud({ scenario: "demo" });
    browser = await launchExtensionBrowser(cloud);
    // Configure the client id the way a technician does: on the options page.
    const options = await browser.openExtensionPage("src/ui/options/index.html");
    await options.locator("#client-id").fill(DEMO_SPA_APP_ID);
    await options.locator("#save").click();
    await options.getByText("Saved.").waitFor();
    await options.close();
    popup = await browser.openExtensionPage("src/ui/popup/index.html");
  });

  afterAll(async () => {
    await browser?.close();
    await cloud?.close();
  });

  it("reports a closed sign-in window as cancelled, leaving MSAL ready for the next try", async () => {
    const signInWindow = browser.context.waitForEvent("page");
    await popup.locator("#sign-in").click();
    const loginPage = await signInWindow;
    await loginPage.locator("#i0116").waitFor();
    await loginPage.close();
    await popup.getByText("The sign-in window was closed.").waitFor();
  });

  it("signs in interactively with auth code + PKCE through launchWebAuthFlow", async () => {
    const authorizePath = "/organizations/oauth2/v2.0/authorize";
    const authorizeCallsBefore = requestsTo(cloud, "GET", authorizePath).length;
    const signInWindow = browser.context.waitForEvent("page");
    // A double click joins the sign-in under way rather than opening a second window.
    await popup.locator("#sign-in").click();
    await popup.locator("#sign-in").click();
    const loginPage = await signInWindow;
    await loginPage.waitForURL(/^https:\/\/login\.microsoftonline\.com\//);

    const authorize = new URL(loginPage.url());
    expect(authorize.pathname).toBe("/organizations/oauth2/v2.0/authorize");
    expect(authorize.searchParams.get("client_id")).toBe(DEMO_SPA_APP_ID);
    expect(authorize.searchParams.get("redirect_uri")).toBe(EXTENSION_REDIRECT_URI);
    expect(authorize.searchParams.get("response_type")).toBe("code");
    expect(authorize.searchParams.get("code_challenge_method")).toBe("S256");
    expect(authorize.searchParams.get("code_challenge")).toMatch(/^[A-Za-z0-9_-]{43}$/);

    await completeMicrosoftSignIn(loginPage, {
      username: DEMO_SIGN_IN_NAMES.partnerAdmin,
      password: DEMO_PASSWORD,
      staySignedIn: true,
    });

    await popup.locator("#auth-status", { hasText: "Signed in as" }).waitFor();
    const account = await expectValue(popup, "background", "auth.getAccount", {});
    expect(account).toMatchObject({
      username: DEMO_SIGN_IN_NAMES.partnerAdmin,
      homeTenantId: PARTNER,
    });
    expect(requestsTo(cloud, "GET", authorizePath)).toHaveLength(authorizeCallsBefore + 1);
    expect(await popup.getByRole("alert").count()).toBe(0);
    // The code was redeemed (with the PKCE verifier) at the token endpoint.
    expect(tokenRequests(cloud, "organizations").map((entry) => entry.status)).toContain(200);
  });

  it("gets tokens silently for three customer tenants with the partner's refresh token", async () => {
    for (const customer of CUSTOMERS) {
      const token = await expectValue(popup, "background", "auth.acquireToken", {
        tenantId: customer,
        forceRefresh: false,
      });
      expect(token.tenantId).toBe(customer);
      expect(token.fromCache).toBe(false);
      expect(token.scopes).toContain("User.Read.All");
      expect(tokenRequests(cloud, customer).map((entry) => entry.status)).toEqual([200]);
    }
    const again = await expectValue(popup, "background", "auth.acquireToken", {
      tenantId: FIRST_CUSTOMER,
      forceRefresh: false,
    });
    expect(again).toMatchObject({ tenantId: FIRST_CUSTOMER, fromCache: true });
    expect(tokenRequests(cloud, FIRST_CUSTOMER)).toHaveLength(1);
  });

  it("names missing consent in a customer tenant as ConsentRequiredError", async () => {
    const outcome = await sendFromPage(popup, "background", "auth.acquireToken", {
      tenantId: UNCONSENTED_CUSTOMER,
      forceRefresh: false,
    });
    // Through the CSP path Entra says the app is not authorised in that customer (AADSTS90099).
    expect(outcome.ok ? null : outcome.error).toMatchObject({
      name: "ConsentRequiredError",
      code: "AADSTS90099",
    });
    // A consent problem in one customer is not a reason to sign the technician out.
    await popup.locator("#auth-status", { hasText: "Signed in as" }).waitFor();
  });

  it("renews the access token once Graph's clock has passed its expiry", async () => {
    const before = await expectValue(popup, "background", "tenant.checkAccess", {
      tenantId: FIRST_CUSTOMER,
    });
    expect(before).toMatchObject({ organizationId: FIRST_CUSTOMER, renewedToken: false });
    const tokenCallsBefore = tokenRequests(cloud, FIRST_CUSTOMER).length;

    cloud.ctx.state.clock.advance(65 * MINUTE);

    const after = await expectValue(popup, "background", "tenant.checkAccess", {
      tenantId: FIRST_CUSTOMER,
    });
    expect(after).toMatchObject({ organizationId: FIRST_CUSTOMER, renewedToken: true });
    const organizationCalls = requestsTo(cloud, "GET", "/v1.0/organization").map(
      (entry) => entry.status,
    );
    expect(organizationCalls.slice(-3)).toEqual([200, 401, 200]);
    expect(tokenRequests(cloud, FIRST_CUSTOMER).length).toBe(tokenCallsBefore + 1);
  });

  // What happens at the end of the 24-hour SPA sign-in (recovery by itself, the health alarm,
  // "Sign in again") is tests/e2e/token-recovery.test.ts; here, the explicit silent sign-in.
  it("signs in silently with prompt=none while Entra's session cookie exists", async () => {
    const account = await expectValue(popup, "background", "auth.signIn", { mode: "silent" });
    expect(account).toMatchObject({
      username: DEMO_SIGN_IN_NAMES.partnerAdmin,
      homeTenantId: PARTNER,
    });
    await popup.locator("#auth-status", { hasText: "Signed in as" }).waitFor();

    const check = await expectValue(popup, "background", "tenant.checkAccess", {
      tenantId: FIRST_CUSTOMER,
    });
    expect(check.organizationId).toBe(FIRST_CUSTOMER);
  });

  it("gets login_required from prompt=none once the session cookie is gone", async () => {
    await browser.context.clearCookies();

    const outcome = await sendFromPage(popup, "background", "auth.signIn", { mode: "silent" });
    expect(outcome.ok).toBe(false);
    expect(outcome.ok ? null : outcome.error).toMatchObject({
      name: "SignInRequiredError",
      oauthError: "login_required",
      code: "AADSTS50058",
    });
  });
});
