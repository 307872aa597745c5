import { z } from "zod";
import { auditLogRowSchema } from "./audit-logs";
import { computerRowSchema } from "./computers";
import { groupRowSchema } from "./groups";
import { licenceRowSchema } from "./licences";
import { roleRowSchema } from "./roles";
import { secureScoreRowSchema } from "./secure-score";
import { userRowSchema } from "./users";

/** The seven datasets a report is made of, in the order the side panel shows them. */
export const DATASET_IDS = [
  "users",
  "computers",
  "groups",
  "licences",
  "roles",
  "auditLogs",
  "secureScore",
] as const;
export const datasetIdSchema = z.enum(DATASET_IDS);
export type DatasetId = z.infer<typeof datasetIdSchema>;

export const ROW_SCHEMAS = {
  users: userRowSchema,
  computers: computerRowSchema,
  groups: groupRowSchema,
  licences: licenceRowSchema,
  roles: roleRowSchema,
  auditLogs: auditLogRowSchema,
  secureScore: secureScoreRowSchema,
} as const satisfies Record<DatasetId, z.ZodType<{ id: string }>>;

export type RowOf<D extends DatasetId> = z.infer<(typeof ROW_SCHEMAS)[D]>;
