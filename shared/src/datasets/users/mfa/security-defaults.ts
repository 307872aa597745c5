import {
  type GraphSecurityDefaultsPolicy,
  graphSecurityDefaultsPolicySchema,
  parseGraphObject,
} from "../../../graph-types";

/** Whether security defaults are on; null when the policy was not collected. */
export function securityDefaultsEnabled(
  policy: GraphSecurityDefaultsPolicy | null,
): boolean | null {
  if (policy === null) return null;
  return parseGraphObject(
    graphSecurityDefaultsPolicySchema,
    "identitySecurityDefaultsEnforcementPolicy",
    policy,
  ).isEnabled;
}
