import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  RENEW_BEFORE_EXPIRY_MS,
  refreshTokenExpiresAt,
  toBrowserTime,
} from "../../extension/src/auth/token-health";
import { TOKEN_HEALTH_ALARM } from "../../extension/src/background/token-health-alarm";
import { type AuthStatus, authStatusItem } from "../../extension/src/state";
import type { RequestLogEntry } from "../cloud/context";
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
 * USERS.md item 3, "tokens that don't silently die", in the built extension against the
 * emulator: the 24-hour SPA sign-in is renewed before it ends by the health alarm, recovered by
 * itself (`prompt=none`) when a request meets its end, and only when Entra's session is gone too
 * does the technician see one "Sign in again". The steps build on one sign-in, in order.
 *
 * Chromium's clock does not move; the emulator's does. The extension reads Entra's time from the
 * `iat` of the tokens it receives, which is how it notices that the emulator's day went by.
 */
const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const PARTNER = DEMO_TENANTS.partner.id;
const [FIRST_CUSTOMER, SECOND_CUSTOMER, THIRD_CUSTOMER] = [
  DEMO_TENANTS.contoso.id,
  DEMO_TENANTS.fabrikam.id,
  DEMO_TENANTS.tailspin.id,
];
const PARTNER_AUTHORIZE = `/${PARTNER}/oauth2/v2.0/authorize`;

describe("tokens that don't silently die", () => {
  let cloud: RunningCloud;
  let browser: ExtensionBrowser;
  let popup: Page;

  /** The emulator's log from `mark` on (an index: the emulator's clock jumps, so no times). */
  const logSince = (mark: number): RequestLogEntry[] => cloud.ctx.requestLog.slice(mark);
  const logMark = (): number => cloud.ctx.requestLog.length;
  const requestsTo = (entries: RequestLogEntry[], method: string, path: string) =>
    entries.filter((entry) => entry.method === method && entry.path === path);
  const tokenStatuses = (entries: RequestLogEntry[], tenant: string): number[] =>
    requestsTo(entries, "POST", `/${tenant}/oauth2/v2.0/token`).map((entry) => entry.status);

  /** The auth status item, read the way the popup reads it: from `chrome.storage` of a page. */
  async function readAuthStatus(): Promise<AuthStatus> {
    const stored = await popup.evaluate(
      (key) => chrome.storage.session.get(key),
      authStatusItem.key,
    );
    return authStatusItem.schema.parse(stored[authStatusItem.key]);
  }

  async function readHealthAlarm(): Promise<chrome.alarms.Alarm | undefined> {
    return popup.evaluate((name) => chrome.alarms.get(name), TOKEN_HEALTH_ALARM);
  }

  async function signInInteractively(staySignedIn: boolean): Promise<void> {
    const signInWindow = browser.context.waitForEvent("page");
    await popup.locator("#sign-in").click();
    await completeMicrosoftSignIn(await signInWindow, {
      username: DEMO_SIGN_IN_NAMES.partnerAdmin,
      password: DEMO_PASSWORD,
      staySignedIn,
    });
    await popup.locator("#auth-status[data-state='signedIn']").waitFor();
  }

  beforeAll(async () => {
    cloud = await startCloud({ scenario: "demo" });
    browser = await launchExtensionBrowser(cloud);
    const options = await browser.openExtensionPage("src/ui/options/index.html");
    await options.locator("#client-id").fill(DEMO_SPA_APP_ID);
    await options.locator("#save").click();
    await options.getByText("Saved.").waitFor();
    await options.close();
    popup = await browser.openExtensionPage("src/ui/popup/index.html");
    await signInInteractively(true);
  });

  afterAll(async () => {
    await browser?.close();
    await cloud?.close();
  });

  it("records the 24-hour sign-in and aims the health alarm at its last hour", async () => {
    const status = await readAuthStatus();
    expect(status).toMatchObject({
      state: "signedIn",
      account: { username: DEMO_SIGN_IN_NAMES.partnerAdmin, homeTenantId: PARTNER },
      lastSilentRecoveryAt: null,
    });
    const signedInAt = status.signedInAt ?? Number.NaN;
    // Entra's clock (the emulator's) at the code redemption, to the second of the token's iat.
    expect(Math.abs(signedInAt - cloud.ctx.state.clock.now())).toBeLessThan(10_000);
    expect(refreshTokenExpiresAt(status)).toBe(signedInAt + 24 * HOUR);

    const alarm = await readHealthAlarm();
    const lastHourBegins = toBrowserTime(status, signedInAt + 24 * HOUR - RENEW_BEFORE_EXPIRY_MS);
    expect(alarm?.scheduledTime).toBeCloseTo(lastHourBegins, -3);
    expect(alarm?.periodInMinutes).toBe(10);
    await popup.getByText(/Sign-in valid for another 2[34] h/).waitFor();
  });

  it("renews silently from the health alarm in the last hour, before Entra refuses the refresh token", async () => {
    cloud.ctx.state.clock.advance(23 * HOUR + 10 * MINUTE);
    const mark = logMark();

    // Any token fresh from Entra tells the extension Entra's time: 50 minutes are left.
    const token = await expectValue(popup, "background", "auth.acquireToken", {
      tenantId: FIRST_CUSTOMER,
      forceRefresh: true,
    });
    expect(token.fromCache).toBe(false);
    // The alarm fires by itself (unpacked extensions may set alarms a second ahead).
    await popup.locator("#auth-status", { hasText: "Renewed silently" }).waitFor();

    const log = logSince(mark);
    const authorizes = requestsTo(log, "GET", PARTNER_AUTHORIZE);
    expect(authorizes).toHaveLength(1);
    expect(new URLSearchParams(authorizes[0]?.query).get("prompt")).toBe("none");
    expect(authorizes[0]?.status).toBe(302);
    // The new code was redeemed: a new 24-hour refresh token family.
    expect(tokenStatuses(log, PARTNER)).toEqual([200]);

    const status = await readAuthStatus();
    expect(status.state).toBe("signedIn");
    expect(status.lastSilentRecoveryAt).not.toBeNull();
    expect(
      Math.abs((refreshTokenExpiresAt(status) ?? 0) - (cloud.ctx.state.clock.now() + 24 * HOUR)),
    ).toBeLessThan(10_000);
    await popup.getByText(/Sign-in valid for another 2[34] h/).waitFor();

    // Two hours later the first sign-in's 24 hours are over; the renewed one carries on.
    cloud.ctx.state.clock.advance(2 * HOUR);
    const afterDeadline = logMark();
    await expectValue(popup, "background", "auth.acquireToken", {
      tenantId: SECOND_CUSTOMER,
      forceRefresh: true,
    });
    expect(tokenStatuses(logSince(afterDeadline), SECOND_CUSTOMER)).toEqual([200]);
    expect(requestsTo(logSince(afterDeadline), "GET", PARTNER_AUTHORIZE)).toHaveLength(0);
  });

  it("recovers by itself when a plain token request meets AADSTS700084 after 24 hours", async () => {
    const before = await readAuthStatus();
    cloud.ctx.state.clock.advance(24 * HOUR + MINUTE);
    const mark = logMark();

    const token = await expectValue(popup, "background", "auth.acquireToken", {
      tenantId: FIRST_CUSTOMER,
      forceRefresh: true,
    });
    expect(token.tenantId).toBe(FIRST_CUSTOMER);

    const log = logSince(mark);
    // Refused (invalid_grant, AADSTS700084), then redeemed with the new sign-in's refresh token.
    expect(tokenStatuses(log, FIRST_CUSTOMER)).toEqual([400, 200]);
    const authorizes = requestsTo(log, "GET", PARTNER_AUTHORIZE);
    expect(authorizes).toHaveLength(1);
    expect(new URLSearchParams(authorizes[0]?.query).get("prompt")).toBe("none");
    expect(tokenStatuses(log, PARTNER)).toEqual([200]);

    const after = await readAuthStatus();
    expect(after.state).toBe("signedIn");
    expect(after.lastSilentRecoveryAt ?? 0).toBeGreaterThan(before.lastSilentRecoveryAt ?? 0);
  });

  it("shares one silent recovery between concurrent requests", async () => {
    cloud.ctx.state.clock.advance(24 * HOUR + MINUTE);
    const mark = logMark();

    const checks = await Promise.all(
      [FIRST_CUSTOMER, SECOND_CUSTOMER, THIRD_CUSTOMER].map((tenantId) =>
        expectValue(popup, "background", "tenant.checkAccess", { tenantId }),
      ),
    );
    expect(checks.map((check) => check.organizationId)).toEqual([
      FIRST_CUSTOMER,
      SECOND_CUSTOMER,
      THIRD_CUSTOMER,
    ]);
    expect(requestsTo(logSince(mark), "GET", PARTNER_AUTHORIZE)).toHaveLength(1);
    expect(tokenStatuses(logSince(mark), PARTNER)).toEqual([200]);
  });

  it("signs in again silently after Chrome closed the offscreen document and MSAL's cache with it", async () => {
    await browser.serviceWorker.evaluate(() => chrome.offscreen.closeDocument());
    const mark = logMark();

    const token = await expectValue(popup, "background", "auth.acquireToken", {
      tenantId: SECOND_CUSTOMER,
      forceRefresh: false,
    });
    expect(token).toMatchObject({ tenantId: SECOND_CUSTOMER, fromCache: false });

    const authorizes = requestsTo(logSince(mark), "GET", PARTNER_AUTHORIZE);
    expect(authorizes).toHaveLength(1);
    const query = new URLSearchParams(authorizes[0]?.query);
    expect(query.get("prompt")).toBe("none");
    // MSAL's account went with the document; the service worker remembered who to hint.
    expect(query.get("login_hint")).toBe(DEMO_SIGN_IN_NAMES.partnerAdmin);
  });

  it("asks for one click, and tries no more, once Entra's session is gone too", async () => {
    await browser.context.clearCookies();
    cloud.ctx.state.clock.advance(24 * HOUR + MINUTE);
    const mark = logMark();

    const outcome = await sendFromPage(popup, "background", "auth.acquireToken", {
      tenantId: FIRST_CUSTOMER,
      forceRefresh: true,
    });
    expect(outcome.ok ? null : outcome.error).toMatchObject({
      name: "SignInRequiredError",
      code: "AADSTS50058",
      oauthError: "login_required",
    });
    const authorizes = requestsTo(logSince(mark), "GET", PARTNER_AUTHORIZE);
    expect(authorizes).toHaveLength(1);
    expect(new URLSearchParams(authorizes[0]?.query).get("prompt")).toBe("none");

    expect(await readAuthStatus()).toMatchObject({
      state: "needsInteractiveSignIn",
      code: "AADSTS50058",
    });
    await popup
      .locator("#auth-status[data-state='needsInteractiveSignIn']", { hasText: "AADSTS50058" })
      .waitFor();
    expect(await readHealthAlarm()).toBeUndefined();

    // The next request fails at once: no second silent attempt, no loop.
    const again = await sendFromPage(popup, "background", "auth.acquireToken", {
      tenantId: FIRST_CUSTOMER,
      forceRefresh: true,
    });
    expect(again.ok ? null : again.error).toMatchObject({ name: "SignInRequiredError" });
    expect(requestsTo(logSince(mark), "GET", PARTNER_AUTHORIZE)).toHaveLength(1);

    // One click on "Sign in again" (then Microsoft's own pages) and work goes on.
    await expect(popup.locator("#sign-in").textContent()).resolves.toBe("Sign in again");
    await signInInteractively(false);
    const token = await expectValue(popup, "background", "auth.acquireToken", {
      tenantId: FIRST_CUSTOMER,
      forceRefresh: true,
    });
    expect(token.tenantId).toBe(FIRST_CUSTOMER);
    expect((await readHealthAlarm())?.name).toBe(TOKEN_HEALTH_ALARM);
  });
});
