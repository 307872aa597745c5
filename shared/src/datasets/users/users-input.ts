import type {
  GraphAuthenticationMethod,
  GraphSecurityDefaultsPolicy,
  GraphUser,
  GraphUserRegistrationDetails,
} from "../../graph-types";
import type { RoleSourcesInput } from "../roles/role-sources";

/** `reports/authenticationMethods/userRegistrationDetails`, or why it could not be read. */
export type RegistrationDetailsResult =
  | { status: "collected"; items: readonly GraphUserRegistrationDetails[] }
  | {
      status: "unavailable";
      /** Graph error code, e.g. "Authentication_RequestFromNonPremiumTenantOrB2CTenant". */
      errorCode: string;
    };

/** What the users collector gathered for one tenant. */
export interface UsersInput extends RoleSourcesInput {
  /** Users read with USER_SELECT (or USER_SELECT_WITH_SIGN_IN_ACTIVITY). */
  users: readonly GraphUser[];
  /** Whether `signInActivity` was selected (tenant has P1); otherwise last sign-in is unavailable. */
  signInActivityCollected: boolean;
  registrationDetails: RegistrationDetailsResult;
  /** `users/{id}/authentication/methods` by user id, for the users it was collected for. */
  authenticationMethods?: ReadonlyMap<string, readonly GraphAuthenticationMethod[]>;
  /** `policies/identitySecurityDefaultsEnforcementPolicy`, or null when not collected. */
  securityDefaults: GraphSecurityDefaultsPolicy | null;
}
