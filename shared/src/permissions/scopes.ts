import { DATASET_IDS, type DatasetId } from "../datasets";
import { GRAPH_CALLS, type GraphCallId } from "./graph-calls";

/** The resource every tenantlens scope belongs to. */
export const GRAPH_RESOURCE = "https://graph.microsoft.com";

/** `User.Read.All` → `https://graph.microsoft.com/User.Read.All`, as the v2.0 endpoints expect. */
export function graphScopeUri(scope: string): string {
  return scope.startsWith("https://") ? scope : `${GRAPH_RESOURCE}/${scope}`;
}

/** `https://graph.microsoft.com/User.Read.All` → `User.Read.All`; other values unchanged. */
export function shortScopeName(scope: string): string {
  const prefix = `${GRAPH_RESOURCE}/`;
  return scope.toLowerCase().startsWith(prefix) ? scope.slice(prefix.length) : scope;
}

/**
 * A scope that can change something: `*.ReadWrite*`, `*.Write*`, and the other non-read
 * operations of Microsoft's resource.operation.constraint naming (Manage…, Send, Invite,
 * EnableDisable…). Anything that is not such an operation is read-only.
 */
export function isWriteScope(scope: string): boolean {
  const operations = shortScopeName(scope).split(".").slice(1);
  return operations.some((part) =>
    /^(ReadWrite|Write|Manage|Send|Invite|EnableDisable)/i.test(part),
  );
}

function uniqueSorted(scopes: Iterable<string>): string[] {
  return [...new Set(scopes)].sort();
}

/** Union of the scopes the given calls need. */
export function scopesForCalls(callIds: Iterable<GraphCallId>): string[] {
  return uniqueSorted([...callIds].flatMap((id) => GRAPH_CALLS[id].scopes));
}

const CALL_IDS = Object.keys(GRAPH_CALLS) as GraphCallId[];

/**
 * Every delegated Graph scope the app asks for at admin consent: read-only, derived from the
 * catalogue so that adding a call adds its permission (and the tests check it stays read-only).
 */
export const REQUESTED_SCOPES: readonly string[] = Object.freeze(
  scopesForCalls(CALL_IDS.filter((id) => GRAPH_CALLS[id].requested === "consent")),
);

/**
 * Scopes requested incrementally, only at the moment a technician uses the feature (MSAL
 * `acquireTokenPopup`/`launchWebAuthFlow` with these scopes), never at consent.
 */
export const ON_DEMAND_SCOPES = Object.freeze({
  deleteEnterpriseApp: Object.freeze(scopesForCalls(["deleteServicePrincipal"])),
});

function consentScopesFeeding(dataset: DatasetId): string[] {
  return scopesForCalls(
    CALL_IDS.filter(
      (id) =>
        GRAPH_CALLS[id].requested === "consent" &&
        (GRAPH_CALLS[id].datasets as readonly DatasetId[]).includes(dataset),
    ),
  );
}

/** The scopes each dataset's collection needs (a dataset is partial without all of them). */
export const DATASET_SCOPES: Readonly<Record<DatasetId, readonly string[]>> = (() => {
  const byDataset = {} as Record<DatasetId, readonly string[]>;
  for (const dataset of DATASET_IDS) byDataset[dataset] = consentScopesFeeding(dataset);
  return Object.freeze(byDataset);
})();

/**
 * The over-privileged set older MSP tools requested. Never requested by tenantlens; listed so
 * that a test can prove it.
 */
export const LEGACY_OVERPRIVILEGED_SCOPES: readonly string[] = Object.freeze([
  "Directory.ReadWrite.All",
  "User.ReadWrite.All",
  "Group.ReadWrite.All",
  "AccessReview.ReadWrite.All",
  "Device.ReadWrite.All",
  "Policy.ReadWrite.ConditionalAccess",
  "RoleManagement.ReadWrite.Directory",
  "DeviceManagementManagedDevices.ReadWrite.All",
  "AuditLog.ReadWrite.All",
]);

/** Which of `required` the `granted` scopes (short names or URIs, any case) do not cover. */
export function missingScopes(required: Iterable<string>, granted: Iterable<string>): string[] {
  const have = new Set([...granted].map((scope) => shortScopeName(scope).toLowerCase()));
  return uniqueSorted([...required].filter((scope) => !have.has(scope.toLowerCase())));
}
