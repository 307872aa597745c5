import { randomUUID } from "node:crypto";
import { type Context, Hono } from "hono";
import type { CloudContext } from "../context";
import type { EmulatedTenant } from "../tenants/model";
import { type AccessDecision, decideDelegatedAccess, requiredGraphScopes } from "./access-decision";
import { authorizationResponse } from "./authorization-response";
import { parseAuthorizeRequest } from "./authorize-request";
import { grantAdminConsent, grantUserConsent } from "./consent";
import {
  canGrantAdminConsent,
  type DirectoryUser,
  displayNameOf,
  findUser,
  findUserBySignInName,
  isAccountEnabled,
  tenantAccess,
  userPrincipalName,
} from "./directory";
import { errors, newDiagnostics } from "./errors";
import {
  accountPickerPage,
  consentPage,
  needAdminApprovalPage,
  passwordPage,
  staySignedInPage,
  usernamePage,
} from "./pages";
import { redirectErrorToClient, redirectToClient, showErrorPage } from "./redirects";
import type { BrowserSession } from "./runtime";
import { parseScopes, toGraphScopeUrl } from "./scopes";
import { currentSession, endSession, signInToSession } from "./sessions";
import {
  type Flow,
  flowAccount,
  flowResourceTenant,
  formValue,
  usableAccounts,
} from "./sign-in-flow";

/**
 * The interactive half of login.microsoftonline.com: `/authorize` and `/adminconsent`, the
 * username → password → "Stay signed in?" pages, the account picker, the consent pages, and
 * the final redirect with a code (or an error) to the client.
 */
export function createSignInRoutes(ctx: CloudContext): Hono {
  const app = new Hono();
  const flows = new Map<string, Flow>();

  const lookupFlow = (body: Record<string, unknown>): Flow | undefined =>
    flows.get(formValue(body, "flowToken"));
  const accountOf = (flow: Flow) => flowAccount(ctx, flow);
  const resourceTenantFor = (flow: Flow, account: DirectoryUser) =>
    flowResourceTenant(ctx, flow, account);

  function showPicker(c: Context, flow: Flow, session: BrowserSession): Response {
    const accounts = session.accounts
      .map((entry) => findUser(ctx.state, entry.homeTenantId, entry.userId))
      .filter((a): a is DirectoryUser => a !== undefined)
      .map((a) => ({
        userId: a.user.id,
        homeTenantId: a.tenant.id,
        username: userPrincipalName(a.user),
        displayName: displayNameOf(a.user),
      }));
    return c.html(accountPickerPage({ flowToken: flow.id, accounts }));
  }

  function showCredentials(c: Context, flow: Flow): Response {
    const hinted = flow.request.loginHint
      ? findUserBySignInName(ctx.state, flow.request.loginHint)
      : undefined;
    if (hinted) {
      flow.account = { homeTenantId: hinted.tenant.id, userId: hinted.user.id };
      return c.html(passwordPage({ flowToken: flow.id, username: userPrincipalName(hinted.user) }));
    }
    return c.html(usernamePage({ flowToken: flow.id, appName: flow.app.displayName }));
  }

  async function finishWithCode(
    c: Context,
    flow: Flow,
    account: DirectoryUser,
    resourceTenant: EmulatedTenant,
  ) {
    const params = await authorizationResponse(ctx, flow, account, resourceTenant);
    flows.delete(flow.id);
    return redirectToClient(c, flow.request, params);
  }

  function showConsent(
    c: Context,
    flow: Flow,
    account: DirectoryUser,
    tenant: EmulatedTenant,
    scopes: string[],
    organizationOption: "hidden" | "offered" | "forced",
  ) {
    flow.consent = { tenantId: tenant.id, scopes, organizationOption };
    return c.html(
      consentPage({
        flowToken: flow.id,
        appName: flow.app.displayName,
        username: userPrincipalName(account.user),
        scopes: scopes.map(toGraphScopeUrl),
        organizationOption,
      }),
    );
  }

  function showAdminApproval(c: Context, flow: Flow, tenant: EmulatedTenant) {
    flow.consent = { tenantId: tenant.id, scopes: [], organizationOption: "hidden" };
    return c.html(
      needAdminApprovalPage({
        flowToken: flow.id,
        appName: flow.app.displayName,
        error: errors.adminConsentRequired(flow.app.displayName),
        diagnostics: newDiagnostics(ctx.state.clock.now()),
      }),
    );
  }

  /** The user is known (signed in now or by session): decide between code, consent and error. */
  async function completeSignIn(
    c: Context,
    flow: Flow,
    account: DirectoryUser,
    interactive: boolean,
  ) {
    const request = flow.request;
    const tenant = resourceTenantFor(flow, account);
    if (request.kind === "adminconsent") {
      if (tenantAccess(tenant, account) === "none") {
        return showErrorPage(
          c,
          ctx,
          errors.userFromOtherTenant(
            userPrincipalName(account.user),
            account.tenant.id,
            tenant.id,
            flow.app.appId,
            flow.app.displayName,
          ),
        );
      }
      if (!canGrantAdminConsent(tenant, account)) return showAdminApproval(c, flow, tenant);
      const scopes = requiredGraphScopes(flow.app, withDefault(parseScopes(request.scope)));
      return showConsent(c, flow, account, tenant, scopes, "forced");
    }
    const scopes = parseScopes(request.scope);
    const unknown = scopes.unknown[0];
    if (unknown) return redirectErrorToClient(c, ctx, request, errors.invalidScope(unknown));
    const decision: AccessDecision = decideDelegatedAccess(
      flow.app,
      account,
      tenant,
      scopes,
      "authorize",
    );
    if (decision.ok && request.prompt !== "consent")
      return finishWithCode(c, flow, account, tenant);
    if (!interactive) {
      // Silent requests cannot show consent or error pages: the client must go interactive.
      const error =
        decision.ok || decision.remedy !== "none"
          ? errors.consentRequired(flow.app.appId, flow.app.displayName)
          : decision.access === "none"
            ? errors.accountNotInTenant(tenant.id, flow.app.appId)
            : decision.error;
      return redirectErrorToClient(c, ctx, request, error);
    }
    if (decision.ok) {
      const organizationOption = canGrantAdminConsent(tenant, account) ? "offered" : "hidden";
      return showConsent(c, flow, account, tenant, decision.grantedScopes, organizationOption);
    }
    if (decision.remedy === "none") return showErrorPage(c, ctx, decision.error);
    if (decision.remedy === "adminApproval") return showAdminApproval(c, flow, tenant);
    const organizationOption =
      decision.access === "delegatedAdmin"
        ? "forced"
        : decision.canConsentForOrganization
          ? "offered"
          : "hidden";
    return showConsent(c, flow, account, tenant, decision.missingScopes, organizationOption);
  }

  async function start(c: Context, kind: "authorize" | "adminconsent") {
    const tenantSegment = c.req.param("tenant") ?? "";
    const parsed = parseAuthorizeRequest(
      ctx.state,
      tenantSegment,
      new URL(c.req.url).searchParams,
      kind,
    );
    if (parsed.kind === "page") return showErrorPage(c, ctx, parsed.error);
    if (parsed.kind === "redirect")
      return redirectErrorToClient(c, ctx, parsed.request, parsed.error);
    const { request, segment } = parsed;
    const flow: Flow = {
      id: randomUUID(),
      request,
      app: parsed.app,
      authenticated: false,
      createdMs: ctx.state.clock.now(),
      ...(segment.kind === "tenant" ? { fixedTenantId: segment.tenant.id } : {}),
    };
    forgetAbandonedFlows(flows, flow.createdMs);
    flows.set(flow.id, flow);
    const session = currentSession(c, ctx);
    if (session) flow.sessionId = session.id;
    const usable = usableAccounts(ctx, flow, session);
    const prompt = request.prompt;
    if (prompt === "none") {
      const only = usable[0];
      // Signed in, but not as anyone who may enter this tenant: interaction (another account) helps.
      if (!only && session && session.accounts.length > 0 && !request.loginHint)
        return redirectErrorToClient(
          c,
          ctx,
          request,
          errors.accountNotInTenant(request.tenantSegment, request.clientId),
        );
      if (!only || usable.length > 1)
        return redirectErrorToClient(c, ctx, request, errors.loginRequired());
      return completeSignIn(c, flow, only, false);
    }
    if (prompt === "login") return showCredentials(c, flow);
    if (prompt === "select_account") {
      return session && session.accounts.length > 0
        ? showPicker(c, flow, session)
        : showCredentials(c, flow);
    }
    const only = usable[0];
    if (only && usable.length === 1) return completeSignIn(c, flow, only, true);
    if (session && session.accounts.length > 0) return showPicker(c, flow, session);
    return showCredentials(c, flow);
  }

  app.get("/:tenant/oauth2/v2.0/authorize", (c) => start(c, "authorize"));
  app.get("/:tenant/v2.0/adminconsent", (c) => start(c, "adminconsent"));

  app.post("/common/login", async (c) => {
    const body = await readPageForm(c);
    const flow = lookupFlow(body);
    if (!flow) return showErrorPage(c, ctx, errors.invalidCode());
    const step = formValue(body, "step");
    if (step === "other")
      return c.html(usernamePage({ flowToken: flow.id, appName: flow.app.displayName }));
    if (step === "pick") {
      const [homeTenantId = "", userId = ""] = formValue(body, "account").split(".");
      const session = currentSession(c, ctx);
      const picked = session?.accounts.find(
        (a) => a.userId === userId && a.homeTenantId === homeTenantId,
      );
      const account = picked ? findUser(ctx.state, homeTenantId, userId) : undefined;
      if (!account)
        return c.html(usernamePage({ flowToken: flow.id, appName: flow.app.displayName }));
      flow.account = { homeTenantId, userId };
      if (session) flow.sessionId = session.id;
      return completeSignIn(c, flow, account, true);
    }
    if (step === "username") {
      const found = findUserBySignInName(ctx.state, formValue(body, "loginfmt"));
      if (!found) {
        return c.html(
          usernamePage({
            flowToken: flow.id,
            appName: flow.app.displayName,
            error:
              "This username may be incorrect. Make sure you typed it correctly. Otherwise, contact your admin. (AADSTS50034)",
          }),
        );
      }
      flow.account = { homeTenantId: found.tenant.id, userId: found.user.id };
      return c.html(passwordPage({ flowToken: flow.id, username: userPrincipalName(found.user) }));
    }
    if (step === "password") {
      const account = accountOf(flow);
      if (!account)
        return c.html(usernamePage({ flowToken: flow.id, appName: flow.app.displayName }));
      const expected = account.tenant.passwords.get(account.user.id);
      const username = userPrincipalName(account.user);
      if (expected === undefined || expected !== formValue(body, "passwd")) {
        return c.html(
          passwordPage({
            flowToken: flow.id,
            username,
            error:
              "Your account or password is incorrect. If you don't remember your password, reset it now. (AADSTS50126)",
          }),
        );
      }
      if (!isAccountEnabled(account.user)) return showErrorPage(c, ctx, errors.userDisabled());
      flow.authenticated = true;
      return c.html(staySignedInPage({ flowToken: flow.id, username }));
    }
    return showErrorPage(c, ctx, errors.missingParameter("step"));
  });

  app.post("/kmsi", async (c) => {
    const body = await readPageForm(c);
    const flow = lookupFlow(body);
    const account = flow ? accountOf(flow) : undefined;
    if (!flow || !account || !flow.authenticated)
      return showErrorPage(c, ctx, errors.invalidCode());
    // LoginOptions=1 is "Yes" (stay signed in), 3 is "No", as on Microsoft's page.
    const session = signInToSession(
      c,
      ctx,
      { homeTenantId: account.tenant.id, userId: account.user.id },
      formValue(body, "LoginOptions") === "1",
    );
    flow.sessionId = session.id;
    return completeSignIn(c, flow, account, true);
  });

  app.post("/common/consent", async (c) => {
    const body = await readPageForm(c);
    const flow = lookupFlow(body);
    const account = flow ? accountOf(flow) : undefined;
    if (!flow || !account || !flow.consent) return showErrorPage(c, ctx, errors.invalidCode());
    const request = flow.request;
    if (formValue(body, "consentAction") !== "accept") {
      flows.delete(flow.id);
      // Declined admin consent carries no `tenant` (v2-admin-consent, error response).
      const extra: Record<string, string> =
        request.kind === "adminconsent" ? { admin_consent: "True" } : {};
      return redirectErrorToClient(c, ctx, request, errors.userDeclinedConsent(), extra);
    }
    const tenant = ctx.state.tenants.get(flow.consent.tenantId);
    if (!tenant) return showErrorPage(c, ctx, errors.tenantNotFound(flow.consent.tenantId));
    const forOrganization =
      flow.consent.organizationOption === "forced" ||
      (flow.consent.organizationOption === "offered" &&
        formValue(body, "consentOnBehalf") === "true");
    if (forOrganization) grantAdminConsent(tenant, flow.app, flow.consent.scopes);
    else grantUserConsent(tenant, flow.app, account.user.id, flow.consent.scopes);
    if (request.kind === "adminconsent") {
      flows.delete(flow.id);
      return redirectToClient(c, request, {
        admin_consent: "True",
        tenant: tenant.id,
        scope: flow.consent.scopes.map(toGraphScopeUrl).join(" "),
      });
    }
    const decision = decideDelegatedAccess(
      flow.app,
      account,
      tenant,
      parseScopes(request.scope),
      "authorize",
    );
    if (!decision.ok) return showErrorPage(c, ctx, decision.error);
    return finishWithCode(c, flow, account, tenant);
  });

  app.get("/:tenant/oauth2/v2.0/logout", (c) => {
    endSession(c, ctx);
    const target = c.req.query("post_logout_redirect_uri");
    if (target) return c.redirect(target, 302);
    return c.html(
      '<!DOCTYPE html><html><body><h1 id="signedOut">You signed out of your account</h1></body></html>',
    );
  });

  return app;
}

/** `/adminconsent` without `scope` (or with `.default`) consents to the app's static list. */
function withDefault(scopes: ReturnType<typeof parseScopes>) {
  return scopes.graph.length === 0 ? { ...scopes, graphDefault: true } : scopes;
}

/** Sign-ins left half-way (a closed window) are dropped after an hour, as Entra's flow tokens expire. */
const FLOW_LIFETIME_MS = 60 * 60 * 1000;

function forgetAbandonedFlows(flows: Map<string, Flow>, nowMs: number): void {
  for (const [id, flow] of flows) {
    if (flow.createdMs < nowMs - FLOW_LIFETIME_MS) flows.delete(id);
  }
}

/** The pages' form fields; a body that is not a form reads as empty (then "no live flow"). */
async function readPageForm(c: Context): Promise<Record<string, unknown>> {
  try {
    return await c.req.parseBody();
  } catch {
    // Malformed multipart or encoding: answered like a form without a flow token.
    return {};
  }
}
