import type { RowOf } from "../../datasets";
import { isoDateTime, list, mfaEnabled, mfaSourceLabel, yesNo } from "../cell-format";
import { type CsvTable, oneRecordPerRow } from "./column";

export const usersCsv: CsvTable<RowOf<"users">, RowOf<"users">> = oneRecordPerRow([
  { header: "User Principal Name", value: (row) => row.userPrincipalName },
  { header: "Display Name", value: (row) => row.displayName },
  { header: "Assigned Roles", value: (row) => list(row.assignedRoles) },
  { header: "MFA Enabled", value: (row) => mfaEnabled(row.mfa) },
  { header: "Other Mails", value: (row) => list(row.otherMails) },
  { header: "Password Policies", value: (row) => row.passwordPolicies },
  { header: "Created On", value: (row) => isoDateTime(row.createdOn) },
  { header: "Mail", value: (row) => row.mail },
  { header: "Account Enabled", value: (row) => yesNo(row.accountEnabled) },
  { header: "User Type", value: (row) => row.userType },
  { header: "On-Premises Synced", value: (row) => yesNo(row.onPremisesSyncEnabled) },
  { header: "Last Sign-In", value: (row) => isoDateTime(row.lastSignIn) },
  { header: "MFA Methods", value: (row) => list(row.mfa.methods) },
  { header: "MFA Capable", value: (row) => yesNo(row.mfa.capable) },
  { header: "MFA Source", value: (row) => mfaSourceLabel(row.mfa.source) },
  { header: "MFA Detail", value: (row) => row.mfa.detail },
  { header: "Security Defaults", value: (row) => yesNo(row.mfa.securityDefaultsEnabled) },
  { header: "Licence SKU IDs", value: (row) => list(row.assignedLicenseSkuIds) },
  { header: "Object ID", value: (row) => row.id },
]);
