import { afterEach, describe, expect, it } from "vitest";
import checkE2ePrerequisites from "./global-setup";

describe("e2e prerequisites", () => {
  const previous = process.env.TENANTLENS_CHROMIUM;

  afterEach(() => {
    if (previous === undefined) delete process.env.TENANTLENS_CHROMIUM;
    else process.env.TENANTLENS_CHROMIUM = previous;
  });

  it("fails with the install command when Chromium is missing", () => {
    process.env.TENANTLENS_CHROMIUM = "/nonexistent/chromium";
    expect(() => checkE2ePrerequisites()).toThrow(
      /Chromium not found at \/nonexistent\/chromium\. Install it with: sudo apt-get install -y chromium/,
    );
  });
});
