import { existsSync } from "node:fs";
import { chromiumPath } from "./chromium-path";

/** Fails the e2e project early, with a fix, when no Chromium is installed. */
export default function checkChromium(): void {
  const path = chromiumPath();
  if (!existsSync(path)) {
    throw new Error(
      `Chromium not found at ${path}. Install it with: sudo apt-get install -y chromium ` +
        "(or set TENANTLENS_CHROMIUM to a Chromium binary).",
    );
  }
}
