import { existsSync } from "node:fs";
import { chromiumPath } from "./chromium-path";
import { assertExtensionBuilt } from "./fixtures/extension-build";

/**
 * Fails the e2e project early, with a fix: when no Chromium is installed, and when the extension
 * has not been built (the tests load `dist/extension`, never the dev server).
 */
export default function checkE2ePrerequisites(): void {
  const path = chromiumPath();
  if (!existsSync(path)) {
    throw new Error(
      `Chromium not found at ${path}. Install it with: sudo apt-get install -y chromium ` +
        "(or set TENANTLENS_CHROMIUM to a Chromium binary).",
    );
  }
  assertExtensionBuilt();
}
