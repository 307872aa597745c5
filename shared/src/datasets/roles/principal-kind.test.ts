import { describe, expect, it } from "vitest";
import { principalKind } from "./principal-kind";

describe("principal kind", () => {
  it("reads the kind from @odata.type", () => {
    expect(principalKind({ "@odata.type": "#microsoft.graph.user" })).toBe("user");
    expect(principalKind({ "@odata.type": "#microsoft.graph.group" })).toBe("group");
    expect(principalKind({ "@odata.type": "#microsoft.graph.servicePrincipal" })).toBe(
      "servicePrincipal",
    );
  });

  it("does not take an other typed object for a user because it has a UPN-like property", () => {
    expect(
      principalKind({ "@odata.type": "#microsoft.graph.device", userPrincipalName: "x@y" }),
    ).toBe("unknown");
  });

  it("infers the kind from properties only one kind has when @odata.type is missing", () => {
    expect(principalKind({ userPrincipalName: "adele@contoso.com" })).toBe("user");
    expect(principalKind({ appId: "00000003-0000-0000-c000-000000000000" })).toBe(
      "servicePrincipal",
    );
    expect(principalKind({ securityEnabled: true })).toBe("group");
    expect(principalKind({ displayName: "Something" })).toBe("unknown");
  });
});
