import { z } from "zod";
import { dateTimeSchema, unavailableCellSchema } from "./cells";

/**
 * Where an MFA answer came from. Technicians must see the source: "registered" from the
 * authentication-methods report (Entra ID P1) is not the same evidence as a method list.
 */
export const mfaSourceSchema = z.enum([
  /** reports/authenticationMethods/userRegistrationDetails (needs Entra ID P1/P2). */
  "registrationDetails",
  /** users/{id}/authentication/methods, collected per user when the tenant has no P1. */
  "authenticationMethods",
  /** Nothing usable was collected: the answer is "unknown", never a silent "No". */
  "none",
]);
export type MfaSource = z.infer<typeof mfaSourceSchema>;

export const mfaStatusSchema = z.object({
  /** "yes" = registered for MFA; "no" = known not registered; "unknown" = no evidence available. */
  state: z.enum(["yes", "no", "unknown"]),
  source: mfaSourceSchema,
  /** Method names as Graph reports them, e.g. "microsoftAuthenticatorPush", "fido2". */
  methods: z.array(z.string()),
  /** Capable = registered for a strong method and allowed to use it by policy (P1 report only). */
  capable: z.boolean().nullable(),
  /** Why the answer is what it is, e.g. "Unknown — needs Entra ID P1". */
  detail: z.string(),
  /** Whether the tenant enforces security defaults (which require MFA registration for everyone). */
  securityDefaultsEnabled: z.boolean().nullable(),
});
export type MfaStatus = z.infer<typeof mfaStatusSchema>;

export const userRowSchema = z.object({
  id: z.string(),
  userPrincipalName: z.string(),
  displayName: z.string().nullable(),
  mail: z.string().nullable(),
  /** Display names of directory roles assigned directly or through a role-assignable group. */
  assignedRoles: z.array(z.string()),
  mfa: mfaStatusSchema,
  otherMails: z.array(z.string()),
  passwordPolicies: z.string().nullable(),
  createdOn: dateTimeSchema,
  accountEnabled: z.boolean().nullable(),
  userType: z.enum(["Member", "Guest"]).nullable(),
  onPremisesSyncEnabled: z.boolean().nullable(),
  /** signInActivity needs Entra ID P1; without it the cell says so. */
  lastSignIn: z.union([dateTimeSchema, unavailableCellSchema]),
  /** skuIds of assigned licences; friendly names are resolved from the licences dataset. */
  assignedLicenseSkuIds: z.array(z.string()),
});
export type UserRow = z.infer<typeof userRowSchema>;
