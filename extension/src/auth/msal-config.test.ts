import { describe, expect, it } from "vitest";
import { EXTENSION_REDIRECT_URI } from "../../../shared/src/extension-identity";
import { buildMsalConfiguration, SIGN_IN_AUTHORITY, tenantAuthority } from "./msal-config";

const CLIENT = "7c6b8a54-2f1e-4d39-9a0b-5e3c1d2f4a68";

describe("buildMsalConfiguration", () => {
  const config = buildMsalConfiguration({ clientId: CLIENT, onRedirectNavigate: () => false });

  it("redirects to the extension's chromiumapp.org URI registered as a SPA redirect", () => {
    expect(config.auth.redirectUri).toBe(EXTENSION_REDIRECT_URI);
    expect(config.auth.redirectUri).toMatch(/^https:\/\/[a-p]{32}\.chromiumapp\.org\/$/);
  });

  it("signs in through the organizations authority of a multi-tenant app", () => {
    expect(config.auth.clientId).toBe(CLIENT);
    expect(config.auth.authority).toBe(SIGN_IN_AUTHORITY);
    expect(SIGN_IN_AUTHORITY).toBe("https://login.microsoftonline.com/organizations");
  });

  it("keeps tokens in the hosting document's session storage, never on disk", () => {
    expect(config.cache?.cacheLocation).toBe("sessionStorage");
  });

  it("hands the authorize URL to the caller instead of navigating", () => {
    const captured: string[] = [];
    const capturing = buildMsalConfiguration({
      clientId: CLIENT,
      onRedirectNavigate: (url) => {
        captured.push(url);
        return false;
      },
    });
    expect(capturing.auth.onRedirectNavigate?.("https://login.microsoftonline.com/x")).toBe(false);
    expect(captured).toEqual(["https://login.microsoftonline.com/x"]);
  });

  it("builds a tenant authority for a customer tenant", () => {
    expect(tenantAuthority("c0a1b2c3-d4e5-4f60-8172-93a4b5c6d7e8")).toBe(
      "https://login.microsoftonline.com/c0a1b2c3-d4e5-4f60-8172-93a4b5c6d7e8",
    );
  });
});
