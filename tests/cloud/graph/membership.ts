import type { CloudContext } from "../context";
import { type EmulatedTenant, putObject } from "../tenants/model";

/**
 * Group and directory-role membership changes, for `members@delta`. The tenant model keeps
 * members as plain lists, so changes made through `setMembers` are remembered here (with the
 * change-log position of the owner's update) and delta rounds report who was added or removed.
 */
export interface MemberChange {
  seq: number;
  ownerId: string;
  memberId: string;
  kind: "added" | "removed";
}

export type MembershipOwner = "groups" | "directoryRoles";

export function setMembers(
  ctx: CloudContext,
  tenant: EmulatedTenant,
  owner: MembershipOwner,
  ownerId: string,
  memberIds: readonly string[],
): void {
  const lists = owner === "groups" ? tenant.groupMembers : tenant.directoryRoleMembers;
  const object = tenant.collections[owner].get(ownerId);
  if (!object) throw new Error(`No ${owner} object ${ownerId} in tenant ${tenant.id}`);
  const before = new Set(lists.get(ownerId) ?? []);
  const after = new Set(memberIds);
  const seq = tenant.nextSeq;
  putObject(tenant, owner, object);
  lists.set(ownerId, [...after]);
  const changes = memberChangesOf(ctx, tenant);
  for (const memberId of after)
    if (!before.has(memberId)) changes.push({ seq, ownerId, memberId, kind: "added" });
  for (const memberId of before)
    if (!after.has(memberId)) changes.push({ seq, ownerId, memberId, kind: "removed" });
}

export function memberChangesOf(ctx: CloudContext, tenant: EmulatedTenant): MemberChange[] {
  let changes = ctx.graph.memberChanges.get(tenant);
  if (!changes) {
    changes = [];
    ctx.graph.memberChanges.set(tenant, changes);
  }
  return changes;
}

/** The last change per member of `ownerId` within [fromSeq, toSeq). */
export function memberChangesBetween(
  ctx: CloudContext,
  tenant: EmulatedTenant,
  ownerId: string,
  fromSeq: number,
  toSeq: number,
): MemberChange[] {
  const latest = new Map<string, MemberChange>();
  for (const change of ctx.graph.memberChanges.get(tenant) ?? []) {
    if (change.ownerId === ownerId && change.seq >= fromSeq && change.seq < toSeq)
      latest.set(change.memberId, change);
  }
  return [...latest.values()];
}
