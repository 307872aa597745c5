import { z } from "zod";

export const roleMemberSchema = z.object({
  id: z.string(),
  kind: z.enum(["user", "group", "servicePrincipal", "unknown"]),
  displayName: z.string().nullable(),
  /** UPN for users, appId for service principals. */
  identifier: z.string().nullable(),
  /** For a member reached through a role-assignable group: that group's display name. */
  viaGroup: z.string().nullable(),
});
export type RoleMember = z.infer<typeof roleMemberSchema>;

export const roleRowSchema = z.object({
  /** Role definition id, which for built-in roles equals the role template id. */
  id: z.string(),
  displayName: z.string(),
  description: z.string().nullable(),
  roleTemplateId: z.string(),
  isBuiltIn: z.boolean().nullable(),
  /** Distinct users holding the role, directly or through groups. */
  userCount: z.number().int().nonnegative(),
  members: z.array(roleMemberSchema),
});
export type RoleRow = z.infer<typeof roleRowSchema>;
