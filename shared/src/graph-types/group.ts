import { z } from "zod";
import { optionalBoolean, optionalString, optionalStringList, removedMarker } from "./fields";

/** A `microsoft.graph.group`. */
export const graphGroupSchema = z.looseObject({
  id: z.string(),
  displayName: optionalString,
  description: optionalString,
  mail: optionalString,
  /** "Unified" (Microsoft 365 group) and/or "DynamicMembership". */
  groupTypes: optionalStringList,
  mailEnabled: optionalBoolean,
  proxyAddresses: optionalStringList,
  resourceBehaviorOptions: optionalStringList,
  securityEnabled: optionalBoolean,
  /** Cloud SID (S-1-12-1-…), used in Windows scenarios. */
  securityIdentifier: optionalString,
  /** The Active Directory SID of a group synced from on-premises. */
  onPremisesSecurityIdentifier: optionalString,
  onPremisesSyncEnabled: optionalBoolean,
  "@removed": removedMarker,
});
export type GraphGroup = z.input<typeof graphGroupSchema>;
