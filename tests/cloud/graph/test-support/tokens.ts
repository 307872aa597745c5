import { randomUUID } from "node:crypto";
import type { CloudContext } from "../../context";
import { GRAPH_AUDIENCE, signJwt } from "../../identity/access-token";
import type { EmulatedTenant } from "../../tenants/model";

export const TEST_APP_ID = "11111111-2222-4333-8444-555555555555";

export interface TestTokenOptions {
  /** Delegated scopes; a token with `roles` instead is app-only. */
  scopes?: string[];
  roles?: string[];
  userId?: string;
  appId?: string;
  lifetimeSeconds?: number;
}

/** An access token for Graph, shaped as the identity platform issues them (access-token.ts). */
export async function mintGraphToken(
  ctx: CloudContext,
  tenant: EmulatedTenant,
  options: TestTokenOptions = {},
): Promise<string> {
  const now = Math.floor(ctx.state.clock.now() / 1000);
  const userId = options.userId ?? randomUUID();
  const appOnly = options.roles !== undefined;
  return signJwt(ctx.keys, {
    aud: GRAPH_AUDIENCE,
    iss: `https://sts.windows.net/${tenant.id}/`,
    iat: now,
    nbf: now,
    exp: now + (options.lifetimeSeconds ?? 3600),
    tid: tenant.id,
    oid: appOnly ? randomUUID() : userId,
    sub: randomUUID(),
    appid: options.appId ?? TEST_APP_ID,
    app_displayname: "tenantlens test",
    idtyp: appOnly ? "app" : "user",
    ver: "1.0",
    uti: randomUUID(),
    ...(appOnly ? { roles: options.roles } : { scp: (options.scopes ?? []).join(" ") }),
  });
}

/** Every read scope the product asks for, and then some: a token that passes every check. */
export const ALL_READ_SCOPES = [
  "User.Read",
  "User.Read.All",
  "Group.Read.All",
  "GroupMember.Read.All",
  "Device.Read.All",
  "Directory.Read.All",
  "AuditLog.Read.All",
  "RoleManagement.Read.Directory",
  "SecurityEvents.Read.All",
  "Policy.Read.All",
  "DeviceManagementManagedDevices.Read.All",
  "UserAuthenticationMethod.Read.All",
  "DelegatedAdminRelationship.Read.All",
  "Application.Read.All",
  "DelegatedPermissionGrant.Read.All",
  "LicenseAssignment.Read.All",
  "Organization.Read.All",
];
