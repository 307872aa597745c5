import type { Context } from "hono";
import type { CloudContext } from "../context";
import { type IdentityError, newDiagnostics, redirectErrorParams } from "./errors";
import { errorPage, formPostPage } from "./pages";
import type { AuthorizeRequest } from "./runtime";

/**
 * Sending the answer of `/authorize` or `/adminconsent` back to the client: in the query, the
 * fragment, or an auto-submitted form (`response_mode`), always echoing `state`.
 */
export function buildRedirectUrl(
  redirectUri: string,
  mode: AuthorizeRequest["responseMode"],
  params: Record<string, string>,
): string {
  const encoded = new URLSearchParams(params).toString();
  if (mode === "fragment") return `${redirectUri}#${encoded}`;
  const url = new URL(redirectUri);
  for (const [name, value] of Object.entries(params)) url.searchParams.append(name, value);
  return url.toString();
}

export function redirectToClient(
  c: Context,
  request: AuthorizeRequest,
  params: Record<string, string>,
): Response {
  const withState =
    request.state === undefined || "state" in params ? params : { ...params, state: request.state };
  if (request.responseMode === "form_post")
    return c.html(formPostPage(request.redirectUri, withState));
  // Admin consent answers always arrive in the query (v2-admin-consent).
  const mode = request.kind === "adminconsent" ? "query" : request.responseMode;
  return c.redirect(buildRedirectUrl(request.redirectUri, mode, withState), 302);
}

export function redirectErrorToClient(
  c: Context,
  ctx: CloudContext,
  request: AuthorizeRequest,
  error: IdentityError,
  extra: Record<string, string> = {},
): Response {
  const params = { ...extra, ...redirectErrorParams(error, newDiagnostics(ctx.state.clock.now())) };
  return redirectToClient(c, request, params);
}

export function showErrorPage(c: Context, ctx: CloudContext, error: IdentityError): Response {
  return c.html(errorPage(error, newDiagnostics(ctx.state.clock.now())), 400);
}
