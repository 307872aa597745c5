import { z } from "zod";
import { odataType, optionalString, removedMarker } from "./fields";

/**
 * A `microsoft.graph.directoryObject` as returned in polymorphic collections (role assignment
 * principals, group and directory role members): a user, group or service principal.
 */
export const graphDirectoryObjectSchema = z.looseObject({
  "@odata.type": odataType,
  id: z.string(),
  displayName: optionalString,
  /** Users only. */
  userPrincipalName: optionalString,
  /** Service principals only. */
  appId: optionalString,
  "@removed": removedMarker,
});
export type GraphDirectoryObject = z.input<typeof graphDirectoryObjectSchema>;
