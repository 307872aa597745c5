import type { Context } from "hono";
import { createMiddleware } from "hono/factory";
import type { AppEnv } from "../http/app-env";
import { RelayHttpError } from "../http/errors";
import { canAccessCompany, type Permission, type Principal, roleAllows } from "./permissions";

/** Route guard: 403 unless the caller's role grants `permission`. */
export const requirePermission = (permission: Permission) =>
  createMiddleware<AppEnv>(async (c, next) => {
    assertPermission(c.get("principal"), permission);
    await next();
  });

export function assertPermission(principal: Principal, permission: Permission): void {
  if (!roleAllows(principal.role, permission)) {
    throw new RelayHttpError(
      403,
      "forbidden",
      `A ${principal.role} token may not do this (needs permission "${permission}")`,
    );
  }
}

/** 403 when the token is limited to other companies. */
export function assertCompanyAccess(c: Context<AppEnv>, companyId: string): void {
  if (!canAccessCompany(c.get("principal"), companyId)) {
    throw new RelayHttpError(
      403,
      "company_forbidden",
      "This token is not allowed to access that company",
    );
  }
}

/**
 * 403 for a token limited to some companies, on actions whose effect reaches beyond them (a new
 * company, a credential every company shares). `message` says which.
 */
export function assertUnscoped(c: Context<AppEnv>, message: string): void {
  if (c.get("principal").companyScope !== null) {
    throw new RelayHttpError(403, "company_forbidden", message);
  }
}
