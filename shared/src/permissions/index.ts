export { GRAPH_CALLS, type GraphCallId, type GraphCallPermission } from "./graph-calls";
export {
  DATASET_SCOPES,
  GRAPH_RESOURCE,
  graphScopeUri,
  isWriteScope,
  LEGACY_OVERPRIVILEGED_SCOPES,
  missingScopes,
  ON_DEMAND_SCOPES,
  REQUESTED_SCOPES,
  scopesForCalls,
  shortScopeName,
} from "./scopes";
