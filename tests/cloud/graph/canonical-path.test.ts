import { describe, expect, it } from "vitest";
import { canonicalisePath } from "./canonical-path";

describe("canonical Graph paths", () => {
  it("restores Graph's casing of known segments and leaves ids alone", () => {
    expect(canonicalisePath("/v1.0/auditlogs/directoryaudits")).toBe(
      "/v1.0/auditLogs/directoryAudits",
    );
    expect(canonicalisePath("/v1.0/USERS/AbC-123/Authentication/Methods")).toBe(
      "/v1.0/users/AbC-123/authentication/methods",
    );
  });

  it("splits the alternate key form and decodes percent-escapes", () => {
    expect(
      canonicalisePath("/v1.0/servicePrincipals(appId='00000003-0000-0000-c000-000000000000')"),
    ).toBe("/v1.0/servicePrincipals/appId='00000003-0000-0000-c000-000000000000'");
    expect(canonicalisePath("/v1.0/users/adele%40contoso.com")).toBe(
      "/v1.0/users/adele@contoso.com",
    );
  });

  it("ignores a trailing slash and survives a stray percent sign", () => {
    expect(canonicalisePath("/v1.0/users/")).toBe("/v1.0/users");
    expect(canonicalisePath("/v1.0/users/100%")).toBe("/v1.0/users/100%");
  });
});
