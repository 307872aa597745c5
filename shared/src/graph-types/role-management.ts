import { z } from "zod";
import { graphDirectoryObjectSchema } from "./directory-object";
import { optionalBoolean, optionalString } from "./fields";

/** `roleManagement/directory/roleDefinitions` item (`microsoft.graph.unifiedRoleDefinition`). */
export const graphRoleDefinitionSchema = z.looseObject({
  id: z.string(),
  displayName: z.string(),
  description: optionalString,
  /** Equals `id` for built-in roles; custom roles carry their own. */
  templateId: optionalString,
  isBuiltIn: optionalBoolean,
});
export type GraphRoleDefinition = z.input<typeof graphRoleDefinitionSchema>;

/** `roleManagement/directory/roleAssignments` item, requested with `$expand=principal`. */
export const graphRoleAssignmentSchema = z.looseObject({
  id: z.string(),
  principalId: z.string(),
  roleDefinitionId: z.string(),
  /** "/" for tenant-wide, "/administrativeUnits/{id}" for a scoped assignment. */
  directoryScopeId: optionalString,
  principal: graphDirectoryObjectSchema.nullish(),
});
export type GraphRoleAssignment = z.input<typeof graphRoleAssignmentSchema>;

/** `directoryRoles` item: a role activated in the tenant (the legacy role API). */
export const graphDirectoryRoleSchema = z.looseObject({
  id: z.string(),
  displayName: z.string(),
  description: optionalString,
  roleTemplateId: z.string(),
});
export type GraphDirectoryRole = z.input<typeof graphDirectoryRoleSchema>;
