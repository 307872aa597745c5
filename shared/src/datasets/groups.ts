import { z } from "zod";

export const groupRowSchema = z.object({
  id: z.string(),
  displayName: z.string().nullable(),
  description: z.string().nullable(),
  mail: z.string().nullable(),
  groupTypes: z.array(z.string()),
  mailEnabled: z.boolean().nullable(),
  proxyAddresses: z.array(z.string()),
  resourceBehaviorOptions: z.array(z.string()),
  securityEnabled: z.boolean().nullable(),
  securityIdentifier: z.string().nullable(),
  /** "Microsoft 365", "Security", "Mail-enabled security", "Distribution", plus "(dynamic)". */
  kind: z.string(),
  memberCount: z.number().int().nonnegative().nullable(),
  onPremisesSyncEnabled: z.boolean().nullable(),
});
export type GroupRow = z.infer<typeof groupRowSchema>;
