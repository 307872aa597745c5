import type { TokenSummary } from "./summaries";

/** The claims of an Entra access token that tenantlens reads (it never validates: Graph does). */
export interface AccessTokenFacts {
  tid: string;
  oid: string;
  scp: string;
  exp: number;
  /** Absent from some tokens: Microsoft says not to depend on any claim being present. */
  iat: number | null;
}

export class MalformedTokenError extends Error {
  override readonly name = "MalformedTokenError";
}

function decodeBase64Url(segment: string): string {
  const base64 = segment.replace(/-/g, "+").replace(/_/g, "/");
  const padded = base64.padEnd(base64.length + ((4 - (base64.length % 4)) % 4), "=");
  const bytes = Uint8Array.from(atob(padded), (char) => char.charCodeAt(0));
  return new TextDecoder().decode(bytes);
}

/** Reads the payload of a JWT access token, so that only its description leaves the MSAL host. */
export function readAccessTokenFacts(accessToken: string): AccessTokenFacts {
  const payloadSegment = accessToken.split(".")[1];
  if (payloadSegment === undefined) throw new MalformedTokenError("The access token is not a JWT.");
  let payload: unknown;
  try {
    payload = JSON.parse(decodeBase64Url(payloadSegment));
  } catch (error) {
    throw new MalformedTokenError("The access token payload is not JSON.", { cause: error });
  }
  if (typeof payload !== "object" || payload === null) {
    throw new MalformedTokenError("The access token payload is not an object.");
  }
  const { tid, oid, scp, exp, iat } = payload as Record<string, unknown>;
  if (typeof tid !== "string" || typeof oid !== "string" || typeof exp !== "number") {
    throw new MalformedTokenError("The access token lacks tid, oid or exp.");
  }
  return {
    tid,
    oid,
    scp: typeof scp === "string" ? scp : "",
    exp,
    iat: typeof iat === "number" ? iat : null,
  };
}

export function summarizeAccessToken(accessToken: string, fromCache: boolean): TokenSummary {
  const facts = readAccessTokenFacts(accessToken);
  return {
    tenantId: facts.tid,
    objectId: facts.oid,
    scopes: facts.scp.split(" ").filter((scope) => scope !== ""),
    expiresAt: new Date(facts.exp * 1000).toISOString(),
    issuedAt: facts.iat === null ? null : new Date(facts.iat * 1000).toISOString(),
    fromCache,
  };
}
