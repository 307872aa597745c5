import { z } from "zod";
import { DATASET_IDS, type DatasetId, ROW_SCHEMAS } from "../datasets";
import { GUID_PATTERN } from "../guid";

/**
 * The snapshot envelope: what a technician's extension captures for one tenant at one time,
 * stores in IndexedDB and pushes to the relay. The relay validates pushes with these schemas.
 */
export const SNAPSHOT_SCHEMA_VERSION = 1 as const;

export const datasetStatusSchema = z.object({
  /** complete: every page collected; partial: some pages or sub-requests failed; unavailable: none. */
  state: z.enum(["complete", "partial", "unavailable"]),
  /**
   * A code from the troubleshooting catalogue (e.g. "AADSTS65001", "Authorization_RequestDenied",
   * "Authentication_RequestFromNonPremiumTenantOrB2CTenant") explaining a partial or missing dataset.
   */
  reasonCode: z.string().max(200).optional(),
  detail: z.string().max(2000).optional(),
});
export type DatasetStatus = z.infer<typeof datasetStatusSchema>;

function datasetSnapshotSchema<Row extends z.ZodType>(rowSchema: Row) {
  return z.object({
    status: datasetStatusSchema,
    collectedAt: z.iso.datetime({ offset: true }),
    /** sha256 (hex) of the canonical serialisation of `rows`: equal hashes mean unchanged data. */
    contentHash: z.string().regex(/^[0-9a-f]{64}$/),
    rows: z.array(rowSchema),
  });
}

export const datasetSnapshotSchemas = {
  users: datasetSnapshotSchema(ROW_SCHEMAS.users),
  computers: datasetSnapshotSchema(ROW_SCHEMAS.computers),
  groups: datasetSnapshotSchema(ROW_SCHEMAS.groups),
  licences: datasetSnapshotSchema(ROW_SCHEMAS.licences),
  roles: datasetSnapshotSchema(ROW_SCHEMAS.roles),
  auditLogs: datasetSnapshotSchema(ROW_SCHEMAS.auditLogs),
  secureScore: datasetSnapshotSchema(ROW_SCHEMAS.secureScore),
} as const satisfies Record<DatasetId, z.ZodType>;

export type DatasetSnapshot<D extends DatasetId> = z.infer<(typeof datasetSnapshotSchemas)[D]>;

const guid = z.string().regex(GUID_PATTERN);

export const snapshotEnvelopeSchema = z.object({
  schemaVersion: z.literal(SNAPSHOT_SCHEMA_VERSION),
  /** Client-chosen id (UUID) so that a retried push is idempotent. */
  snapshotId: guid,
  tenantId: guid,
  tenantDisplayName: z.string().max(512),
  /** Relay company id this tenant is mapped to; null for a snapshot taken before mapping. */
  companyId: z.string().max(128).nullable(),
  capturedAt: z.iso.datetime({ offset: true }),
  /** Which technician captured it (a label, never a credential). */
  capturedBy: z.string().max(256).optional(),
  datasets: z
    .object({
      users: datasetSnapshotSchemas.users.optional(),
      computers: datasetSnapshotSchemas.computers.optional(),
      groups: datasetSnapshotSchemas.groups.optional(),
      licences: datasetSnapshotSchemas.licences.optional(),
      roles: datasetSnapshotSchemas.roles.optional(),
      auditLogs: datasetSnapshotSchemas.auditLogs.optional(),
      secureScore: datasetSnapshotSchemas.secureScore.optional(),
    })
    .strict(),
});
export type SnapshotEnvelope = z.infer<typeof snapshotEnvelopeSchema>;

export { DATASET_IDS };
