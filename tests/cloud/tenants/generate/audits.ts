import {
  AUDIT_ACTIVITIES,
  AUDIT_INITIATING_APPS,
  type AuditActivity,
} from "../catalog/audit-activities";
import { DAY_MS, isoTicks } from "../graph-ids";
import type { GraphObject } from "../model";
import type { SeededRandom } from "../random";
import type { GenerationContext, UserIndex } from "./context";
import { EMPTY, seedObject } from "./context";

const ACTIVITY_WEIGHTS: readonly (readonly [AuditActivity, number])[] = AUDIT_ACTIVITIES.map(
  (activity) => [activity, activity.weight],
);

/** Audit logs keep 30 days with Entra ID P1/P2 (7 on the free tier); the generator fills 30. */
const RETENTION_DAYS = 30;

const BROWSER_DETAILS = Object.freeze([
  Object.freeze({
    key: "User-Agent",
    value:
      "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36 Edg/131.0.0.0",
  }),
]);

/** Per activity, a few frozen `modifiedProperties` variants shared by all its events. */
const MODIFIED_PROPERTIES = new Map<AuditActivity, readonly (readonly object[])[]>(
  AUDIT_ACTIVITIES.map((activity) => [
    activity,
    ["[]", '["true"]', '["false"]'].map((newValue) =>
      activity.modifiedProperties.length === 0
        ? EMPTY
        : Object.freeze(
            activity.modifiedProperties.map((displayName) =>
              Object.freeze({ displayName, oldValue: null, newValue }),
            ),
          ),
    ),
  ]),
);

export interface AuditTargets {
  /** Users holding directory roles: they make most administrative changes. */
  adminUserIds: ReadonlySet<string>;
  groups: readonly GraphObject[];
  devices: readonly GraphObject[];
  servicePrincipals: readonly GraphObject[];
  roleNames: readonly string[];
}

/** Who did it: a few administrators, each from one or two addresses, and Microsoft services. */
interface Initiators {
  users: readonly object[];
  apps: readonly object[];
}

/**
 * `directoryAudits` spread over the last 30 days, newest first (the order Graph lists them in),
 * initiated by administrators (with an IP address) or by Microsoft services, mostly successful.
 * Events share their frozen initiator and property objects, so 200,000 of them stay small.
 */
export function generateDirectoryAudits(
  context: GenerationContext,
  users: UserIndex,
  targets: AuditTargets,
): void {
  const { spec, rng, nowMs, tenant } = context;
  const initiators = buildInitiators(rng, users, targets.adminUserIds);
  const times = new Float64Array(spec.auditEvents);
  for (let i = 0; i < times.length; i++) times[i] = nowMs - rng.next() * RETENTION_DAYS * DAY_MS;
  times.sort();
  for (let i = times.length - 1; i >= 0; i--) {
    const activity = rng.weighted(ACTIVITY_WEIGHTS);
    seedObject(
      tenant,
      "directoryAudits",
      buildAudit(context, activity, times[i] as number, initiators, users, targets),
    );
  }
}

function buildInitiators(
  rng: SeededRandom,
  users: UserIndex,
  adminUserIds: ReadonlySet<string>,
): Initiators {
  const actors = users.members
    .filter(
      (user) =>
        adminUserIds.has(user.id) && user !== users.breakGlass && user !== users.syncAccount,
    )
    .slice(0, 12);
  if (actors.length === 0) actors.push(users.admin);
  const byUser: object[] = [];
  for (const actor of actors) {
    for (let address = 0; address < 2; address++) {
      byUser.push(
        Object.freeze({
          user: Object.freeze({
            id: actor.id,
            displayName: null,
            userPrincipalName: actor.userPrincipalName,
            ipAddress: ipAddress(rng),
            userType: null,
            homeTenantId: null,
            homeTenantName: null,
          }),
          app: null,
        }),
      );
    }
  }
  const byApp = AUDIT_INITIATING_APPS.map((app) =>
    Object.freeze({
      user: null,
      app: Object.freeze({
        appId: app.appId,
        displayName: app.displayName,
        servicePrincipalId: null,
        servicePrincipalName: null,
      }),
    }),
  );
  return { users: byUser, apps: byApp };
}

function buildAudit(
  context: GenerationContext,
  activity: AuditActivity,
  atMs: number,
  initiators: Initiators,
  users: UserIndex,
  targets: AuditTargets,
): GraphObject {
  const { rng } = context;
  const correlationId = rng.guid();
  const success = rng.chance(0.96);
  const byUser = activity.initiator === "user" && initiators.users.length > 0;
  return {
    // Graph's audit ids: `Directory_<correlationId>_<5 chars>_<number>`.
    id: `Directory_${correlationId}_${rng.chars("ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789", 5)}_${rng.int(10_000_000, 99_999_999)}`,
    category: activity.category,
    correlationId,
    result: success ? "success" : "failure",
    resultReason: success ? "" : activity.failureReason,
    activityDisplayName: activity.activityDisplayName,
    activityDateTime: isoTicks(atMs, rng.int(0, 9999)),
    loggedByService: activity.loggedByService,
    operationType: activity.operationType,
    initiatedBy: byUser ? rng.pick(initiators.users) : rng.pick(initiators.apps),
    targetResources: [target(context, activity, users, targets)],
    additionalDetails: byUser ? BROWSER_DETAILS : EMPTY,
  };
}

function ipAddress(rng: SeededRandom): string {
  return `${rng.pick([20, 40, 52, 81, 86, 92, 145, 203])}.${rng.int(0, 255)}.${rng.int(0, 255)}.${rng.int(1, 254)}`;
}

const POLICY_NAMES = [
  "Security Defaults",
  "Require MFA for admins",
  "Block legacy authentication",
] as const;

function targetResource(
  modifiedProperties: readonly object[],
  id: string,
  displayName: string | null,
  type: string,
  userPrincipalName: string | null,
  groupType: string | null,
): object {
  // directoryaudits-list.json spells the target type "Type"; the v1.0 schema says "type". Both, so either reader works.
  return { id, displayName, type, Type: type, userPrincipalName, groupType, modifiedProperties };
}

function target(
  context: GenerationContext,
  activity: AuditActivity,
  users: UserIndex,
  targets: AuditTargets,
): object {
  const { rng } = context;
  const modifiedProperties = rng.pick(MODIFIED_PROPERTIES.get(activity) ?? [EMPTY]);
  switch (activity.target) {
    case "Group": {
      const group = targets.groups.length > 0 ? rng.pick(targets.groups) : null;
      if (group)
        return targetResource(
          modifiedProperties,
          group.id,
          String(group.displayName),
          "Group",
          null,
          (group.groupTypes as string[]).includes("Unified") ? "unifiedGroups" : "azureAD",
        );
      break;
    }
    case "Device": {
      const device = targets.devices.length > 0 ? rng.pick(targets.devices) : null;
      if (device)
        return targetResource(
          modifiedProperties,
          device.id,
          String(device.displayName),
          "Device",
          null,
          null,
        );
      break;
    }
    case "ServicePrincipal":
    case "Application": {
      const sp = targets.servicePrincipals.length > 0 ? rng.pick(targets.servicePrincipals) : null;
      if (sp)
        return targetResource(
          modifiedProperties,
          sp.id,
          String(sp.displayName),
          activity.target,
          null,
          null,
        );
      break;
    }
    case "Role":
      return targetResource(
        modifiedProperties,
        rng.guid(),
        targets.roleNames.length > 0 ? rng.pick(targets.roleNames) : "Global Administrator",
        "Role",
        null,
        null,
      );
    case "Policy":
      return targetResource(
        modifiedProperties,
        rng.guid(),
        rng.pick(POLICY_NAMES),
        "Policy",
        null,
        null,
      );
    case "User":
      break;
  }
  const user = users.members.length > 0 ? rng.pick(users.members) : users.admin;
  return targetResource(
    modifiedProperties,
    user.id,
    null,
    "User",
    String(user.userPrincipalName),
    null,
  );
}
