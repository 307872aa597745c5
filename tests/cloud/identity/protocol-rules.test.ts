import { describe, expect, it } from "vitest";
import { oauth2PermissionGrantId } from "./consent";
import { formatAadTimestamp } from "./errors";
import { s256Challenge, verifyPkce } from "./pkce";
import { parseScopes, requiresAdminConsent } from "./scopes";

describe("oauth2PermissionGrant ids", () => {
  it("encode clientId and resourceId as Entra does (oauth2permissiongrants-list.json)", () => {
    expect(
      oauth2PermissionGrantId(
        "263a5b01-03e5-408e-8557-bab681df104c",
        "1804a6f8-e623-4520-8f40-ba1b0c11c42d",
        null,
      ),
    ).toBe("AVs6JuUDjkCFV7q2gd8QTPimBBgj5iBFj0C6GwwRxC0");
  });

  it("append the principal for a Principal grant (oauth2permissiongrant-post.json)", () => {
    expect(
      oauth2PermissionGrantId(
        "b0d9b9e3-0ecf-4bfd-8dab-9273dd055a94",
        "7ea9e944-71ce-443d-811c-71e8047b557a",
        "3fbd929d-8c56-4462-851e-0eb9a7b3a2a5",
      ),
    ).toBe("47nZsM8O_UuNq5Jz3QValETpqX7OcT1EgRxx6AR7VXqdkr0_VoxiRIUeDrmns6Kl");
  });
});

describe("PKCE", () => {
  it("computes the S256 challenge of RFC 7636 appendix B", () => {
    expect(s256Challenge("dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk")).toBe(
      "E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM",
    );
  });

  it("accepts the matching verifier and refuses another", () => {
    const challenge = "E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM";
    expect(verifyPkce(challenge, "S256", "dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk")).toBe(true);
    expect(verifyPkce(challenge, "S256", "dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXX")).toBe(
      false,
    );
  });
});

describe("scopes", () => {
  it("reads bare names and Graph URLs as Graph permissions, once each, case-insensitively", () => {
    expect(
      parseScopes("User.Read.All https://graph.microsoft.com/user.read.all openid OpenID"),
    ).toEqual({
      oidc: ["openid"],
      graph: ["User.Read.All"],
      graphDefault: false,
      unknown: [],
    });
  });

  it("recognises .default and other resources", () => {
    const parsed = parseScopes(
      "https://graph.microsoft.com/.default https://management.azure.com/user_impersonation",
    );
    expect(parsed.graphDefault).toBe(true);
    expect(parsed.unknown).toEqual(["https://management.azure.com/user_impersonation"]);
  });

  it("lets users consent to User.Read but not to directory-wide reads", () => {
    expect(requiresAdminConsent("User.Read")).toBe(false);
    expect(requiresAdminConsent("user.read.all")).toBe(true);
    expect(requiresAdminConsent("AuditLog.Read.All")).toBe(true);
  });
});

describe("error timestamps", () => {
  it("use Microsoft's `YYYY-MM-DD hh:mm:ssZ` form", () => {
    expect(formatAadTimestamp(Date.UTC(2016, 0, 9, 2, 2, 12, 345))).toBe("2016-01-09 02:02:12Z");
  });
});
