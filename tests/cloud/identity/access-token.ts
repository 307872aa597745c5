import { exportJWK, generateKeyPair, type JWK, jwtVerify, SignJWT } from "jose";

/**
 * Access tokens for Microsoft Graph, shaped as Entra ID issues them: Graph always receives v1.0
 * tokens (`ver: "1.0"`, `iss: https://sts.windows.net/{tid}/`, `aud: https://graph.microsoft.com`),
 * whatever endpoint version the client used. Delegated tokens carry `scp`; app-only tokens `roles`.
 */
export const GRAPH_AUDIENCE = "https://graph.microsoft.com";
export const GRAPH_APP_ID = "00000003-0000-0000-c000-000000000000";

export interface AccessTokenClaims {
  aud: string;
  iss: string;
  iat: number;
  nbf: number;
  exp: number;
  tid: string;
  oid: string;
  sub: string;
  appid: string;
  app_displayname: string;
  idtyp: "user" | "app";
  ver: "1.0";
  uti: string;
  /** Space-separated delegated scopes (user tokens). */
  scp?: string;
  /** Application permissions (app-only tokens). */
  roles?: string[];
  upn?: string;
  unique_name?: string;
  name?: string;
  /** Set when a partner user acts in a customer tenant (CSP / GDAP). */
  idp?: string;
  home_oid?: string;
}

export interface SigningKeys {
  kid: string;
  privateKey: CryptoKey;
  publicKey: CryptoKey;
  publicJwk: JWK & { kid: string; use: "sig"; alg: "RS256" };
}

export async function createSigningKeys(kid = "tenantlens-emulator-key-1"): Promise<SigningKeys> {
  const { privateKey, publicKey } = await generateKeyPair("RS256", { extractable: true });
  const jwk = await exportJWK(publicKey);
  return { kid, privateKey, publicKey, publicJwk: { ...jwk, kid, use: "sig", alg: "RS256" } };
}

export async function signJwt(keys: SigningKeys, claims: Record<string, unknown>): Promise<string> {
  return new SignJWT(claims)
    .setProtectedHeader({ alg: "RS256", typ: "JWT", kid: keys.kid })
    .sign(keys.privateKey);
}

export type AccessTokenCheck =
  | { ok: true; claims: AccessTokenClaims }
  | {
      ok: false;
      reason: "malformed" | "badSignature" | "expired" | "notYetValid" | "wrongAudience";
    };

/**
 * Validates a Graph access token against the emulator's key and clock (not the machine's clock:
 * tests advance the emulator's clock to expire tokens).
 */
export async function verifyAccessToken(
  keys: SigningKeys,
  token: string,
  nowMs: number,
): Promise<AccessTokenCheck> {
  let payload: Record<string, unknown>;
  try {
    const verified = await jwtVerify(token, keys.publicKey, {
      algorithms: ["RS256"],
      // Expiry is checked below against the emulator clock.
      currentDate: new Date(0),
      clockTolerance: Number.MAX_SAFE_INTEGER,
    });
    payload = verified.payload;
  } catch (error) {
    const code = (error as { code?: string }).code;
    return {
      ok: false,
      reason: code === "ERR_JWS_SIGNATURE_VERIFICATION_FAILED" ? "badSignature" : "malformed",
    };
  }
  const claims = payload as unknown as AccessTokenClaims;
  const nowSeconds = Math.floor(nowMs / 1000);
  if (claims.aud !== GRAPH_AUDIENCE && claims.aud !== GRAPH_APP_ID)
    return { ok: false, reason: "wrongAudience" };
  if (typeof claims.exp !== "number" || claims.exp <= nowSeconds)
    return { ok: false, reason: "expired" };
  if (typeof claims.nbf === "number" && claims.nbf > nowSeconds + 300)
    return { ok: false, reason: "notYetValid" };
  return { ok: true, claims };
}
