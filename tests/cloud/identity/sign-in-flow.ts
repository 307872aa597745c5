import type { CloudContext } from "../context";
import type { AppRegistration, EmulatedTenant } from "../tenants/model";
import { type DirectoryUser, findUser, tenantAccess, userPrincipalName } from "./directory";
import type { BrowserSession, PendingSignIn } from "./runtime";

/**
 * A sign-in in progress between the pages (Microsoft's `flowToken`): the authorize request, the
 * app, the account once known, and what the consent page offered.
 */
export type Flow = PendingSignIn & {
  app: AppRegistration;
  /** Set when the tenant segment names one tenant (not `common` / `organizations`). */
  fixedTenantId?: string;
  consent?: {
    tenantId: string;
    scopes: string[];
    organizationOption: "hidden" | "offered" | "forced";
  };
  sessionId?: string;
};

export function formValue(body: Record<string, unknown>, name: string): string {
  const value = body[name];
  return typeof value === "string" ? value : "";
}

export function flowAccount(ctx: CloudContext, flow: Flow): DirectoryUser | undefined {
  return flow.account
    ? findUser(ctx.state, flow.account.homeTenantId, flow.account.userId)
    : undefined;
}

/** The tenant named in the URL, or the user's home tenant for `common` / `organizations`. */
export function flowResourceTenant(
  ctx: CloudContext,
  flow: Flow,
  account: DirectoryUser,
): EmulatedTenant {
  return (
    (flow.fixedTenantId ? ctx.state.tenants.get(flow.fixedTenantId) : undefined) ?? account.tenant
  );
}

/** Session accounts usable for this request: matching `login_hint` and able to enter the tenant. */
export function usableAccounts(
  ctx: CloudContext,
  flow: Flow,
  session: BrowserSession | undefined,
): DirectoryUser[] {
  const accounts: DirectoryUser[] = [];
  const hint = flow.request.loginHint?.toLowerCase();
  const fixed = flow.fixedTenantId ? ctx.state.tenants.get(flow.fixedTenantId) : undefined;
  for (const entry of session?.accounts ?? []) {
    const account = findUser(ctx.state, entry.homeTenantId, entry.userId);
    if (!account) continue;
    if (hint && userPrincipalName(account.user).toLowerCase() !== hint) continue;
    if (fixed && tenantAccess(fixed, account) === "none") continue;
    accounts.push(account);
  }
  return accounts;
}
