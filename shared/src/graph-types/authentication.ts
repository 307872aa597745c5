import { z } from "zod";
import { optionalBoolean, optionalString, optionalStringList } from "./fields";

/**
 * `reports/authenticationMethods/userRegistrationDetails` item. The report needs Entra ID P1 or
 * P2; without it Graph answers 403 `Authentication_RequestFromNonPremiumTenantOrB2CTenant`.
 */
export const graphUserRegistrationDetailsSchema = z.looseObject({
  /** The user's object id. */
  id: z.string(),
  userPrincipalName: optionalString,
  isMfaRegistered: z.boolean(),
  isMfaCapable: optionalBoolean,
  methodsRegistered: optionalStringList,
  isAdmin: optionalBoolean,
});
export type GraphUserRegistrationDetails = z.input<typeof graphUserRegistrationDetailsSchema>;

/** `users/{id}/authentication/methods` item; polymorphic, discriminated by `@odata.type`. */
export const graphAuthenticationMethodSchema = z.looseObject({
  "@odata.type": z.string(),
  id: z.string(),
  /** phoneAuthenticationMethod only: "mobile", "alternateMobile" or "office". */
  phoneType: optionalString,
});
export type GraphAuthenticationMethod = z.input<typeof graphAuthenticationMethodSchema>;

/** `policies/identitySecurityDefaultsEnforcementPolicy`. */
export const graphSecurityDefaultsPolicySchema = z.looseObject({
  id: optionalString,
  isEnabled: z.boolean(),
});
export type GraphSecurityDefaultsPolicy = z.input<typeof graphSecurityDefaultsPolicySchema>;
