import type { Hono } from "hono";
import type { CloudContext } from "../../context";
import type { GraphEnv } from "../hono-env";
import { contextUrl, endpoint, graphJson, tenantOf } from "./shared";

export function registerPolicyRoutes(api: Hono<GraphEnv>, ctx: CloudContext): void {
  // identitysecuritydefaultsenforcementpolicy-get.md: a singleton with this fixed id and text.
  api.get(
    "/policies/identitySecurityDefaultsEnforcementPolicy",
    endpoint(ctx, "getSecurityDefaultsPolicy", "identity"),
    (c) =>
      graphJson(c, {
        "@odata.context": contextUrl(c, "policies/identitySecurityDefaultsEnforcementPolicy"),
        description:
          "Security defaults is a set of basic identity security mechanisms recommended by Microsoft. When enabled, these recommendations will be automatically enforced in your organization. Administrators and users will be better protected from common identity related attacks.",
        displayName: "Security Defaults",
        id: "00000000-0000-0000-0000-000000000005",
        isEnabled: tenantOf(c).securityDefaultsEnabled,
      }),
  );
}
