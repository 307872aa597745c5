import { z } from "zod";
import { optionalString } from "./fields";

const userIdentity = z.looseObject({
  id: optionalString,
  displayName: optionalString,
  userPrincipalName: optionalString,
  ipAddress: optionalString,
});

const appIdentity = z.looseObject({
  appId: optionalString,
  displayName: optionalString,
  servicePrincipalId: optionalString,
  servicePrincipalName: optionalString,
});

const targetResource = z.looseObject({
  id: optionalString,
  displayName: optionalString,
  userPrincipalName: optionalString,
});

/** An `auditLogs/directoryAudits` item (`microsoft.graph.directoryAudit`). */
export const graphDirectoryAuditSchema = z.looseObject({
  id: z.string(),
  activityDateTime: z.string(),
  activityDisplayName: z.string(),
  category: z.string(),
  /** "success", "failure", "timeout", "unknownFutureValue". */
  result: z.string(),
  resultReason: optionalString,
  loggedByService: optionalString,
  correlationId: optionalString,
  initiatedBy: z
    .looseObject({ user: userIdentity.nullish(), app: appIdentity.nullish() })
    .nullish(),
  targetResources: z.array(targetResource).nullish(),
});
export type GraphDirectoryAudit = z.input<typeof graphDirectoryAuditSchema>;
