import { graphScopeUri, REQUESTED_SCOPES } from "../../../shared/src/permissions";

/**
 * The delegated Microsoft Graph scopes every token request names: the read-only set the app
 * asks for at consent (`shared/src/permissions` derives it from the Graph calls tenantlens
 * makes), fully qualified as the v2.0 endpoints expect (`https://graph.microsoft.com/User.Read.All`).
 */
export const GRAPH_READ_SCOPES: readonly string[] = REQUESTED_SCOPES.map(graphScopeUri);
