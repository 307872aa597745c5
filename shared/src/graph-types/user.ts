import { z } from "zod";
import { optionalBoolean, optionalString, optionalStringList, removedMarker } from "./fields";

/** A `microsoft.graph.user`, with the properties the users dataset reads. */
export const graphUserSchema = z.looseObject({
  id: z.string(),
  /** Every user has one; it is absent only when `$select` left it out. */
  userPrincipalName: z.string(),
  displayName: optionalString,
  mail: optionalString,
  otherMails: optionalStringList,
  passwordPolicies: optionalString,
  createdDateTime: optionalString,
  accountEnabled: optionalBoolean,
  userType: optionalString,
  onPremisesSyncEnabled: optionalBoolean,
  assignedLicenses: z
    .array(z.looseObject({ skuId: z.string(), disabledPlans: optionalStringList }))
    .nullish(),
  /** Needs Entra ID P1 and `AuditLog.Read.All`; without P1, selecting it fails the whole request. */
  signInActivity: z
    .looseObject({
      lastSignInDateTime: optionalString,
      lastNonInteractiveSignInDateTime: optionalString,
      lastSuccessfulSignInDateTime: optionalString,
    })
    .nullish(),
  "@removed": removedMarker,
});
export type GraphUser = z.input<typeof graphUserSchema>;
