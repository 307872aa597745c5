import type { CloudContext } from "../context";
import { type AccessTokenClaims, verifyAccessToken } from "../identity/access-token";
import type { EmulatedTenant } from "../tenants/model";
import { GraphError } from "./errors";

/** Who is calling: the tenant the token is for, and what it may do there. */
export interface GraphCaller {
  tenant: EmulatedTenant;
  claims: AccessTokenClaims;
  appId: string;
  kind: "delegated" | "application";
  /** Delegated scopes (`scp`), or application roles (`roles`). */
  permissions: ReadonlySet<string>;
  /** The signed-in user's object id in this tenant (delegated only). */
  userId: string | null;
}

/**
 * The challenge Graph sends with every 401 (the `client_id` is Graph's own app id), so clients
 * know where to get a token.
 */
export const WWW_AUTHENTICATE =
  'Bearer realm="", authorization_uri="https://login.microsoftonline.com/common/oauth2/authorize", client_id="00000003-0000-0000-c000-000000000000"';

function unauthorised(message: string): GraphError {
  return new GraphError(401, "InvalidAuthenticationToken", message, {
    "WWW-Authenticate": WWW_AUTHENTICATE,
  });
}

const REASON_MESSAGES = {
  malformed: "IDX14100: JWT is not well formed, there are no dots (.).",
  badSignature: "Access token validation failure. Invalid signature.",
  expired: "Lifetime validation failed, the token is expired.",
  notYetValid: "Lifetime validation failed, the token is not yet valid.",
  wrongAudience: "Access token validation failure. Invalid audience.",
} as const;

/**
 * Validates `Authorization: Bearer …` against the emulator's key and clock and finds the tenant
 * by `tid`. A token never reaches another tenant's data: the tenant comes from the token alone.
 */
export async function authenticate(
  ctx: CloudContext,
  authorization: string | undefined,
): Promise<GraphCaller> {
  const match = /^Bearer\s+(\S+)$/i.exec(authorization?.trim() ?? "");
  if (!match?.[1]) throw unauthorised("Access token is empty.");
  const token = match[1];
  if (token.split(".").length !== 3) throw unauthorised(REASON_MESSAGES.malformed);
  const check = await verifyAccessToken(ctx.keys, token, ctx.state.clock.now());
  if (!check.ok) {
    const message =
      check.reason === "malformed"
        ? "Access token validation failure."
        : REASON_MESSAGES[check.reason];
    throw unauthorised(message);
  }
  const { claims } = check;
  const tenant =
    typeof claims.tid === "string" ? ctx.state.tenants.get(claims.tid.toLowerCase()) : undefined;
  if (!tenant) throw unauthorised("Access token validation failure. Invalid tenant.");
  const delegated = typeof claims.scp === "string";
  const permissions = delegated
    ? new Set((claims.scp ?? "").split(" ").filter(Boolean))
    : new Set(Array.isArray(claims.roles) ? claims.roles : []);
  return {
    tenant,
    claims,
    appId: claims.appid,
    kind: delegated ? "delegated" : "application",
    permissions,
    userId: delegated ? claims.oid : null,
  };
}
