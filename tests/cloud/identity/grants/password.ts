import type { CloudContext } from "../../context";
import { findUserBySignInName, isAccountEnabled } from "../directory";
import { errors } from "../errors";
import {
  authenticateClient,
  requestedScopes,
  required,
  secretsMatch,
  type TokenRequest,
  userTokens,
} from "./token-request";

/** ROPC, for scripts and curl; Microsoft discourages it but still serves it to work accounts. */
export async function passwordGrant(ctx: CloudContext, request: TokenRequest) {
  if (request.origin) throw errors.crossOriginOnlyForSpa(request.origin);
  const username = required(request.form, "username");
  const password = required(request.form, "password");
  authenticateClient(request, request.app.clientSecrets.length > 0 ? "web" : "publicClient");
  const account = findUserBySignInName(ctx.state, username);
  if (!account) throw errors.userNotFound(username.split("@")[1] ?? username);
  const expected = account.tenant.passwords.get(account.user.id);
  if (expected === undefined || !secretsMatch(expected, password))
    throw errors.invalidCredentials();
  if (!isAccountEnabled(account.user)) throw errors.userDisabled();
  return userTokens(
    ctx,
    request,
    account,
    requestedScopes(request.form, "openid profile offline_access"),
    {
      spa: false,
      sessionId: null,
      authTimeMs: ctx.state.clock.now(),
    },
  );
}
