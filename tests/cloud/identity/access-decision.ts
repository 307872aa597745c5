import type { AppRegistration, EmulatedTenant } from "../tenants/model";
import { grantedGraphScopes } from "./consent";
import {
  canGrantAdminConsent,
  type DirectoryUser,
  isAccountEnabled,
  type TenantAccess,
  tenantAccess,
  userPrincipalName,
} from "./directory";
import { errors, type IdentityError } from "./errors";
import { includesScope, type ParsedScopes, requiresAdminConsent } from "./scopes";

/**
 * Whether `account` may get a Graph token from `app` in `resourceTenant`, and if not, what would
 * fix it. One decision shared by the authorize page (which can offer consent) and the token
 * endpoint (which can only refuse).
 */
export type AccessDecision =
  | { ok: true; access: Exclude<TenantAccess, "none">; grantedScopes: string[] }
  | {
      ok: false;
      access: TenantAccess;
      /** What the token endpoint (or `prompt=none`) answers. */
      error: IdentityError;
      /** What the interactive page can offer instead. */
      remedy: "consent" | "adminApproval" | "none";
      /** Permissions consent would add. */
      missingScopes: string[];
      canConsentForOrganization: boolean;
    };

/** The permissions a request needs: those named, plus the app's static list for `.default`. */
export function requiredGraphScopes(app: AppRegistration, requested: ParsedScopes): string[] {
  const required = [...requested.graph];
  if (requested.graphDefault) {
    for (const scope of app.requiredDelegatedScopes) {
      if (!includesScope(required, scope)) required.push(scope);
    }
  }
  return required;
}

export function decideDelegatedAccess(
  app: AppRegistration,
  account: DirectoryUser,
  resourceTenant: EmulatedTenant,
  requested: ParsedScopes,
  endpoint: "authorize" | "token",
): AccessDecision {
  const access = tenantAccess(resourceTenant, account);
  if (access === "none") {
    return {
      ok: false,
      access,
      error: errors.userFromOtherTenant(
        userPrincipalName(account.user),
        account.tenant.id,
        resourceTenant.id,
        app.appId,
        app.displayName,
      ),
      remedy: "none",
      missingScopes: [],
      canConsentForOrganization: false,
    };
  }
  if (!isAccountEnabled(account.user)) {
    return {
      ok: false,
      access,
      error: errors.userDisabled(),
      remedy: "none",
      missingScopes: [],
      canConsentForOrganization: false,
    };
  }
  const granted = grantedGraphScopes(
    resourceTenant,
    app.appId,
    access === "member" ? account.user.id : null,
  );
  const required = requiredGraphScopes(app, requested);
  const missing = required.filter((scope) => !granted || !includesScope(granted, scope));
  if (granted && missing.length === 0) return { ok: true, access, grantedScopes: granted };

  const admin = canGrantAdminConsent(resourceTenant, account);
  const onlyAdminCanConsent = missing.some(requiresAdminConsent);
  const remedy = admin ? "consent" : onlyAdminCanConsent ? "adminApproval" : "consent";
  const tokenEndpoint = endpoint === "token";
  const error =
    access === "delegatedAdmin" && !granted && tokenEndpoint
      ? errors.appNotAuthorizedInCustomer(app.appId, app.displayName, resourceTenant.id)
      : errors.consentRequired(app.appId, app.displayName, tokenEndpoint);
  return {
    ok: false,
    access,
    error,
    remedy,
    // With nothing named, consent covers sign-in and profile (User.Read), as the Entra page does.
    missingScopes: missing.length > 0 ? missing : required.length > 0 ? required : ["User.Read"],
    canConsentForOrganization: admin,
  };
}
