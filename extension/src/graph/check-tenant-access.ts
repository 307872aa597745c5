import type { TenantAccessCheck } from "../auth/summaries";
import { type AccessTokenSource, GraphRequestError, graphGet } from "./graph-get";

/**
 * "Can we read this tenant?": one cheap Graph call (`GET /organization`, allowed by `User.Read`)
 * with the tenant's token. It proves the token, the consent and the delegated access in one go.
 */
export async function checkTenantAccess(
  tenantId: string,
  accessToken: AccessTokenSource,
  signal: AbortSignal,
): Promise<TenantAccessCheck> {
  const { body, renewedToken } = await graphGet(
    "/organization?$select=id,displayName",
    tenantId,
    accessToken,
    signal,
  );
  const organization = (body as { value?: Array<{ id?: unknown; displayName?: unknown }> })
    .value?.[0];
  if (typeof organization?.id !== "string") {
    throw new GraphRequestError(200, "UnexpectedResponse", "Graph returned no organization.");
  }
  return {
    tenantId,
    organizationId: organization.id,
    displayName: typeof organization.displayName === "string" ? organization.displayName : null,
    renewedToken,
  };
}
