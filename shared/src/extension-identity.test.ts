import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { EXTENSION_ID, EXTENSION_MANIFEST_KEY, EXTENSION_REDIRECT_URI } from "./extension-identity";

describe("extension identity", () => {
  it("derives the pinned extension id from the manifest key as Chromium does", () => {
    const digest = createHash("sha256")
      .update(Buffer.from(EXTENSION_MANIFEST_KEY, "base64"))
      .digest("hex");
    const derived = [...digest.slice(0, 32)]
      .map((hexDigit) => String.fromCharCode(97 + Number.parseInt(hexDigit, 16)))
      .join("");
    expect(derived).toBe(EXTENSION_ID);
    expect(EXTENSION_REDIRECT_URI).toBe(`https://${derived}.chromiumapp.org/`);
  });
});
