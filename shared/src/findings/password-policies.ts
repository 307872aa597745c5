import type { UserRow } from "../datasets/users";

/**
 * Graph's `passwordPolicies` is a comma-separated string such as
 * "DisablePasswordExpiration, DisableStrongPassword" (user resource type, v1.0 docs).
 */
export function hasPasswordPolicy(
  user: UserRow,
  policy: "DisablePasswordExpiration" | "DisableStrongPassword",
): boolean {
  if (user.passwordPolicies === null) return false;
  return user.passwordPolicies
    .split(",")
    .some((part) => part.trim().toLowerCase() === policy.toLowerCase());
}
