import { z } from "zod";

export const auditLogRowSchema = z.object({
  id: z.string(),
  activityDateTime: z.string(),
  activity: z.string(),
  category: z.string(),
  result: z.string(),
  resultReason: z.string().nullable(),
  loggedByService: z.string().nullable(),
  correlationId: z.string().nullable(),
  /** User principal name, or the app's display name when an app acted. */
  initiatedBy: z.string().nullable(),
  initiatedByKind: z.enum(["user", "app", "unknown"]),
  initiatedFromIp: z.string().nullable(),
  /** Display names (or UPNs) of the target resources, for search. */
  targets: z.array(z.string()),
});
export type AuditLogRow = z.infer<typeof auditLogRowSchema>;
