/** Where the e2e tests find Chromium: Debian's package by default, overridable for other machines. */
export function chromiumPath(): string {
  return process.env.TENANTLENS_CHROMIUM ?? "/usr/bin/chromium";
}
