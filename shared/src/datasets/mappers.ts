/*
 * The mappers from collected Graph items to report rows, with the `$select` lists collectors must
 * send so that every column finds its property. One import for the collectors.
 */
export { mapAuditLogRows } from "./audit-logs/map-audit-log-rows";
export { DEVICE_SELECT, MANAGED_DEVICE_SELECT } from "./computers/computer-select";
export type { ComputersInput } from "./computers/computers-input";
export { mapComputerRows } from "./computers/map-computer-rows";
export { GROUP_SELECT, type GroupsInput, mapGroupRows } from "./groups/map-group-rows";
export {
  type LicencesInput,
  mapLicenceRows,
  SUBSCRIBED_SKU_SELECT,
} from "./licences/map-licence-rows";
export { mapRoleRows } from "./roles/map-role-rows";
export {
  type DirectoryRoleWithMembers,
  ROLE_ASSIGNMENT_EXPAND,
  ROLE_ASSIGNMENT_SELECT,
  ROLE_DEFINITION_SELECT,
  ROLE_MEMBER_SELECT,
  type RoleSourcesInput,
} from "./roles/role-sources";
export {
  mapSecureScoreRows,
  SECURE_SCORE_HISTORY_DAYS,
  type SecureScoreInput,
} from "./secure-score/map-secure-score-rows";
export { mapUserRows } from "./users/map-user-rows";
export { NEEDS_P1_DETAIL, NON_PREMIUM_TENANT_ERROR } from "./users/mfa/mfa-status";
export { USER_SELECT, USER_SELECT_WITH_SIGN_IN_ACTIVITY } from "./users/user-select";
export type { RegistrationDetailsResult, UsersInput } from "./users/users-input";
