import { describe, expect, it } from "vitest";
import { EXTENSION_MANIFEST_KEY } from "../shared/src/extension-identity";
import manifest from "./manifest.json" with { type: "json" };

describe("extension manifest", () => {
  it("pins the public key that yields the registered extension id and redirect URI", () => {
    expect(manifest.key).toBe(EXTENSION_MANIFEST_KEY);
  });

  it("asks for the least permissions: identity, storage, offscreen, side panel, alarms", () => {
    expect([...manifest.permissions].sort()).toEqual(
      ["alarms", "identity", "offscreen", "sidePanel", "storage"].sort(),
    );
  });

  it("reaches only Microsoft's login and Graph hosts", () => {
    expect(manifest.host_permissions).toEqual([
      "https://login.microsoftonline.com/*",
      "https://graph.microsoft.com/*",
    ]);
  });

  it("allows no remote or inline script and no eval in extension pages", () => {
    const policy = manifest.content_security_policy.extension_pages;
    expect(policy).toMatch(/script-src 'self';/);
    expect(policy).not.toMatch(/unsafe-(eval|inline)|https?:/);
  });

  it("is Manifest V3 with a module service worker", () => {
    expect(manifest.manifest_version).toBe(3);
    expect(manifest.background).toEqual({
      service_worker: "src/background/index.ts",
      type: "module",
    });
  });
});
