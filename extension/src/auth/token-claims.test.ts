import { describe, expect, it } from "vitest";
import { MalformedTokenError, readAccessTokenFacts, summarizeAccessToken } from "./token-claims";

function unsignedJwt(payload: Record<string, unknown>): string {
  const encode = (value: unknown): string =>
    Buffer.from(JSON.stringify(value)).toString("base64url");
  return `${encode({ alg: "RS256", typ: "JWT" })}.${encode(payload)}.signature`;
}

describe("access token facts", () => {
  it("describes a token by tenant, user, scopes, issue time and expiry, without the token", () => {
    const token = unsignedJwt({
      tid: "c0a1b2c3-d4e5-4f60-8172-93a4b5c6d7e8",
      oid: "0f1e2d3c-4b5a-4968-8776-a5b4c3d2e1f0",
      scp: "User.Read.All Device.Read.All",
      iat: 1_795_696_400,
      exp: 1_795_700_000,
      name: "Zoë Ünicode",
    });
    expect(summarizeAccessToken(token, true)).toEqual({
      tenantId: "c0a1b2c3-d4e5-4f60-8172-93a4b5c6d7e8",
      objectId: "0f1e2d3c-4b5a-4968-8776-a5b4c3d2e1f0",
      scopes: ["User.Read.All", "Device.Read.All"],
      expiresAt: "2026-11-26T13:33:20.000Z",
      issuedAt: "2026-11-26T12:33:20.000Z",
      fromCache: true,
    });
  });

  it("reports no issue time for a token without iat (no claim is guaranteed)", () => {
    const token = unsignedJwt({ tid: "t", oid: "o", exp: 1_795_700_000 });
    expect(summarizeAccessToken(token, false).issuedAt).toBeNull();
  });

  it("rejects a value that is not a JWT", () => {
    expect(() => readAccessTokenFacts("opaque-token")).toThrow(MalformedTokenError);
  });

  it("rejects a payload that is not JSON", () => {
    expect(() => readAccessTokenFacts("a.bm90IGpzb24.c")).toThrow(MalformedTokenError);
  });

  it("rejects a payload without tid", () => {
    expect(() => readAccessTokenFacts(unsignedJwt({ oid: "o", exp: 1 }))).toThrow(/tid/);
  });
});
