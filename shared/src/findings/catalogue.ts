import { adminMfaActionIncomplete } from "./rules/admin-mfa-action-incomplete";
import { adminsWithoutMfa } from "./rules/admins-without-mfa";
import { adminsWithoutPhishingResistantMfa } from "./rules/admins-without-phishing-resistant-mfa";
import { disabledAdmins } from "./rules/disabled-admins";
import { disabledUsersWithLicences } from "./rules/disabled-users-with-licences";
import { emptyGroups } from "./rules/empty-groups";
import { failedAuditEvents } from "./rules/failed-audit-events";
import { globalAdminCount } from "./rules/global-admin-count";
import { globalAdminWithoutAlternateEmail } from "./rules/global-admin-without-alternate-email";
import { guestsNeverSignedIn } from "./rules/guests-never-signed-in";
import { guestsWithRoles } from "./rules/guests-with-roles";
import { inactiveAdmins } from "./rules/inactive-admins";
import { inactiveUsers } from "./rules/inactive-users";
import { licencesInWarningOrSuspended } from "./rules/licences-in-warning-or-suspended";
import { mfaStatusUnknown } from "./rules/mfa-status-unknown";
import { newAccountsWithAdminRoles } from "./rules/new-accounts-with-admin-roles";
import { noncompliantDevices } from "./rules/noncompliant-devices";
import { overConsumedLicences } from "./rules/over-consumed-licences";
import { passwordNeverExpires } from "./rules/password-never-expires";
import { recentRoleAssignments } from "./rules/recent-role-assignments";
import { secureScoreDropped } from "./rules/secure-score-dropped";
import { secureScoreLow } from "./rules/secure-score-low";
import { securityDefaultsOff } from "./rules/security-defaults-off";
import { servicePrincipalsWithPrivilegedRoles } from "./rules/service-principals-with-privileged-roles";
import { staleDevices } from "./rules/stale-devices";
import { syncedAdmins } from "./rules/synced-admins";
import { tooManyPrivilegedUsers } from "./rules/too-many-privileged-users";
import { unmanagedDevices } from "./rules/unmanaged-devices";
import { unusedLicenceSeats } from "./rules/unused-licence-seats";
import { usersWithoutMfa } from "./rules/users-without-mfa";
import { weakPasswordsAllowed } from "./rules/weak-passwords-allowed";
import type { Finding } from "./types";

/**
 * Every finding, registered in this one place, in the order the side panel lists them
 * (identity and MFA first, then accounts, licences, devices, posture). A meta-test checks that
 * every file in rules/ is registered here and documented in docs/findings.md.
 */
export const FINDINGS: readonly Finding[] = Object.freeze([
  adminsWithoutMfa,
  adminsWithoutPhishingResistantMfa,
  adminMfaActionIncomplete,
  usersWithoutMfa,
  mfaStatusUnknown,
  securityDefaultsOff,
  globalAdminCount,
  globalAdminWithoutAlternateEmail,
  tooManyPrivilegedUsers,
  guestsWithRoles,
  syncedAdmins,
  servicePrincipalsWithPrivilegedRoles,
  disabledAdmins,
  newAccountsWithAdminRoles,
  inactiveAdmins,
  recentRoleAssignments,
  inactiveUsers,
  guestsNeverSignedIn,
  passwordNeverExpires,
  weakPasswordsAllowed,
  disabledUsersWithLicences,
  unusedLicenceSeats,
  overConsumedLicences,
  licencesInWarningOrSuspended,
  staleDevices,
  unmanagedDevices,
  noncompliantDevices,
  secureScoreLow,
  secureScoreDropped,
  failedAuditEvents,
  emptyGroups,
]);
