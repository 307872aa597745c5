import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { EXTENSION_REDIRECT_URI } from "../shared/src/extension-identity";
import { REQUESTED_SCOPES } from "../shared/src/permissions";

/** The README's app-registration steps must stay true to what the extension actually uses. */
function registrationSection(): string {
  const readme = readFileSync(new URL("../README.md", import.meta.url), "utf8");
  const start = readme.indexOf("## Register the app in Microsoft Entra ID");
  if (start === -1)
    throw new Error("README has no 'Register the app in Microsoft Entra ID' section");
  const next = readme.indexOf("\n## ", start + 1);
  return readme.slice(start, next === -1 ? undefined : next);
}

describe("README: Register the app in Microsoft Entra ID", () => {
  it("gives the extension's single-page-application redirect URI", () => {
    const section = registrationSection();
    expect(section).toContain(EXTENSION_REDIRECT_URI);
    expect(section).toMatch(/Single-page application/);
  });

  it("lists every delegated permission the extension requests, and only those", () => {
    const section = registrationSection();
    const listed = new Set(
      section.match(/`[A-Za-z]+(?:\.[A-Za-z]+)+`/g)?.map((s) => s.slice(1, -1)),
    );
    for (const scope of REQUESTED_SCOPES) expect(listed).toContain(scope);
    const permissionLike = [...listed].filter((name) => /\.Read(\.|$)/.test(name));
    expect(permissionLike.sort()).toEqual([...REQUESTED_SCOPES].sort());
  });
});
