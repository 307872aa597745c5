import type { EmulatedTenant } from "../tenants/model";
import { GraphError } from "./errors";

/**
 * Answers that depend on the tenant's licences. Without Entra ID P1/P2, sign-in activity and the
 * authentication-methods reports answer 403 (the message below is what Graph returns, as seen in
 * microsoft-graph-docs issues #3033/#12772); without Intune, managedDevices answers 400 BadRequest
 * "Request not applicable to target tenant." (the Intune service's answer for unlicensed tenants).
 */
export function requirePremium(tenant: EmulatedTenant): void {
  if (!tenant.licensing.entraIdP1 && !tenant.licensing.entraIdP2) {
    throw new GraphError(
      403,
      "Authentication_RequestFromNonPremiumTenantOrB2CTenant",
      "Neither tenant is B2C or tenant doesn't have premium license",
    );
  }
}

export function requireIntune(tenant: EmulatedTenant): void {
  if (!tenant.licensing.intune) {
    throw new GraphError(400, "BadRequest", "Request not applicable to target tenant.");
  }
}

/**
 * How far back `auditLogs/directoryAudits` reaches (reference-reports-data-retention.md): 7 days
 * for Microsoft Entra ID Free, 30 days with P1 or P2.
 */
export function auditRetentionDays(tenant: EmulatedTenant): number {
  return tenant.licensing.entraIdP1 || tenant.licensing.entraIdP2 ? 30 : 7;
}
