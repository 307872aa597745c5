import type { CloudContext } from "../context";
import type { CollectionName, EmulatedTenant, GraphObject } from "../tenants/model";
import { orderedObjects } from "./collection-index";
import type { EntityType } from "./entity-types";
import { badRequest, GraphError } from "./errors";
import { memberChangesBetween } from "./membership";
import { GRAPH_ORIGIN } from "./odata/paging";
import { requireProperty } from "./odata/query-options";
import { projectObject } from "./odata/select";

/**
 * Delta queries (delta-query-overview.md) answered from the tenant's change log. The first round
 * pages through every object, then hands out a deltaLink whose token is the change-log position
 * when the round began; later rounds return what changed since, and `@removed` for deletions.
 * Tokens expire after 7 days, as Microsoft documents for identity resources.
 */
export interface DeltaSpec {
  collection: CollectionName;
  type: EntityType;
  entitySet: string;
  /** groupId/roleId → member ids, for `members@delta`. */
  members?: (tenant: EmulatedTenant) => Map<string, string[]>;
  /**
   * Users and groups go to the recycle bin (restorable) → "changed"; devices are deleted for
   * good → "deleted" (delta-query-users.md explains the two reasons).
   */
  removedReason: "changed" | "deleted";
}

export const DELTA_TOKEN_LIFETIME_MS = 7 * 24 * 60 * 60 * 1000;
const DEFAULT_DELTA_PAGE_SIZE = 100;

interface DeltaState {
  /** Phase: the initial round, or changes since `fromSeq`. */
  phase: "initial" | "changes";
  /** Tenant and collection the token belongs to. */
  tenantId: string;
  collection: CollectionName;
  /** Changes in [fromSeq, toSeq) are covered by this round. */
  fromSeq: number;
  toSeq: number;
  position: number;
  select: string[] | null;
  expandMembers: boolean;
  issuedAtMs: number;
}

export interface DeltaRequest {
  ctx: CloudContext;
  tenant: EmulatedTenant;
  spec: DeltaSpec;
  url: URL;
  version: string;
  maxPageSize: number | undefined;
}

export function answerDelta(request: DeltaRequest): Record<string, unknown> {
  const { ctx, tenant, spec, url } = request;
  const param = (name: string) => url.searchParams.get(`$${name}`) ?? url.searchParams.get(name);
  const now = ctx.state.clock.now();
  const skipToken = param("skiptoken");
  const deltaToken = param("deltatoken");
  let state: DeltaState;
  if (skipToken !== null) {
    state = readToken(skipToken, tenant, spec, now);
  } else if (deltaToken !== null) {
    if (deltaToken === "latest") {
      // "Sync from now": no data, just a deltaLink at the current position.
      state = freshState(tenant, spec, url, now, "changes");
      state.fromSeq = tenant.nextSeq;
      return respond(request, state, [], true);
    }
    state = readToken(deltaToken, tenant, spec, now);
    state = { ...state, phase: "changes", toSeq: tenant.nextSeq, position: 0 };
  } else {
    state = freshState(tenant, spec, url, now, "initial");
  }
  const pageSize = request.maxPageSize ?? DEFAULT_DELTA_PAGE_SIZE;
  const items: Record<string, unknown>[] = [];
  let total: number;
  if (state.phase === "initial") {
    const objects = orderedObjects(tenant, spec.collection);
    total = objects.length;
    for (let index = state.position; index < total && items.length < pageSize; index++) {
      items.push(deltaItem(ctx, tenant, spec, state, objects[index] as GraphObject));
    }
  } else {
    const changes = changedIds(tenant, spec.collection, state.fromSeq, state.toSeq);
    total = changes.length;
    for (let index = state.position; index < total && items.length < pageSize; index++) {
      const id = changes[index] as string;
      const object = tenant.collections[spec.collection].get(id);
      items.push(
        object
          ? deltaItem(ctx, tenant, spec, state, object)
          : { id, "@removed": { reason: spec.removedReason } },
      );
    }
  }
  const nextPosition = state.position + items.length;
  if (nextPosition < total) {
    return respond(request, { ...state, position: nextPosition }, items, false);
  }
  // Round complete: the next round covers changes from where this one's snapshot was taken.
  return respond(
    request,
    { ...state, phase: "changes", fromSeq: state.toSeq, position: 0 },
    items,
    true,
  );
}

function freshState(
  tenant: EmulatedTenant,
  spec: DeltaSpec,
  url: URL,
  now: number,
  phase: DeltaState["phase"],
): DeltaState {
  const param = (name: string) => url.searchParams.get(`$${name}`) ?? url.searchParams.get(name);
  const selectText = param("select");
  const select =
    selectText === null
      ? null
      : selectText.split(",").map((name) => requireProperty(spec.type, name.trim()));
  const expand = param("expand");
  return {
    phase,
    tenantId: tenant.id,
    collection: spec.collection,
    fromSeq: 0,
    toSeq: tenant.nextSeq,
    position: 0,
    select,
    // group-delta.md: members@delta comes with $expand=members; without $select it is there too.
    expandMembers:
      spec.members !== undefined && (expand?.toLowerCase() === "members" || select === null),
    issuedAtMs: now,
  };
}

function respond(
  request: DeltaRequest,
  state: DeltaState,
  items: Record<string, unknown>[],
  complete: boolean,
): Record<string, unknown> {
  const { spec, version, ctx } = request;
  const token = encodeToken({
    ...state,
    issuedAtMs: complete ? ctx.state.clock.now() : state.issuedAtMs,
  });
  const link = `${GRAPH_ORIGIN}/${version}/${spec.entitySet}/delta?`;
  const projection = state.select ? `(${state.select.join(",")})` : "";
  return {
    "@odata.context": `${GRAPH_ORIGIN}/${version}/$metadata#${spec.entitySet}${projection}`,
    ...(complete
      ? { "@odata.deltaLink": `${link}$deltatoken=${token}` }
      : { "@odata.nextLink": `${link}$skiptoken=${token}` }),
    value: items,
  };
}

function deltaItem(
  ctx: CloudContext,
  tenant: EmulatedTenant,
  spec: DeltaSpec,
  state: DeltaState,
  object: GraphObject,
): Record<string, unknown> {
  // Delta items leave out properties without a value (samples/users-delta.json: "Conf Room
  // Adams" comes with displayName and id only, where a list shows givenName: null).
  const item = withoutNulls(projectObject(object, spec.type, state.select ?? undefined));
  if (state.expandMembers && spec.members) {
    const members =
      state.phase === "initial"
        ? (spec.members(tenant).get(object.id) ?? []).map((id) => ({ id, removed: false }))
        : // A changes round reports who joined or left since the last round (membership.ts).
          memberChangesBetween(ctx, tenant, object.id, state.fromSeq, state.toSeq).map(
            (change) => ({
              id: change.memberId,
              removed: change.kind === "removed",
            }),
          );
    if (members.length > 0) {
      item["members@delta"] = members.map(({ id, removed }) => ({
        "@odata.type": `#microsoft.graph.${directoryTypeOf(tenant, id)}`,
        id,
        ...(removed ? { "@removed": { reason: "deleted" } } : {}),
      }));
    }
  }
  return item;
}

export function directoryTypeOf(tenant: EmulatedTenant, id: string): string {
  if (tenant.collections.users.has(id)) return "user";
  if (tenant.collections.groups.has(id)) return "group";
  if (tenant.collections.devices.has(id)) return "device";
  if (tenant.collections.servicePrincipals.has(id)) return "servicePrincipal";
  return "directoryObject";
}

/** Ids changed in [fromSeq, toSeq), each once, in order of their last change. */
function changedIds(
  tenant: EmulatedTenant,
  collection: CollectionName,
  fromSeq: number,
  toSeq: number,
): string[] {
  const log = tenant.changeLog;
  let low = 0;
  let high = log.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if ((log[middle]?.seq ?? 0) < fromSeq) low = middle + 1;
    else high = middle;
  }
  const lastIndex = new Map<string, number>();
  const order: string[] = [];
  for (let index = low; index < log.length; index++) {
    const entry = log[index];
    if (!entry || entry.seq >= toSeq) break;
    if (entry.collection !== collection) continue;
    if (lastIndex.has(entry.id)) order[lastIndex.get(entry.id) as number] = "";
    lastIndex.set(entry.id, order.length);
    order.push(entry.id);
  }
  return order.filter((id) => id !== "");
}

function encodeToken(state: DeltaState): string {
  return Buffer.from(JSON.stringify(state)).toString("base64url");
}

function readToken(
  token: string,
  tenant: EmulatedTenant,
  spec: DeltaSpec,
  now: number,
): DeltaState {
  let state: DeltaState;
  try {
    state = JSON.parse(Buffer.from(token, "base64url").toString("utf8")) as DeltaState;
  } catch {
    throw resyncRequired();
  }
  if (typeof state !== "object" || state === null || typeof state.fromSeq !== "number")
    throw resyncRequired();
  if (state.tenantId !== tenant.id || state.collection !== spec.collection) throw resyncRequired();
  // The log cannot answer from before its first entry (e.g. a regenerated tenant).
  const firstSeq = tenant.changeLog[0]?.seq ?? tenant.nextSeq;
  if (state.phase === "changes" && state.fromSeq < firstSeq && state.fromSeq !== 0)
    throw resyncRequired();
  if (state.fromSeq > tenant.nextSeq) throw resyncRequired();
  if (now - state.issuedAtMs > DELTA_TOKEN_LIFETIME_MS) {
    // Duration of change tracking tokens for identity resources (Microsoft 365 Dev Blog,
    // 2020-07-03): after 7 days, BadRequest with syncStateNotFound and this message.
    throw badRequest(
      "The sync state generation is not found. The delta token is expired and data must be synchronized again.",
      "syncStateNotFound",
    );
  }
  return state;
}

/** errors.md: resyncRequired — "The delta token is no longer valid, and the app must reset the sync state." */
function resyncRequired(): GraphError {
  return new GraphError(
    410,
    "resyncRequired",
    "The delta token is no longer valid, and the app must reset the sync state.",
  );
}

function withoutNulls(item: Record<string, unknown>): Record<string, unknown> {
  for (const [key, value] of Object.entries(item))
    if (value === null && key !== "id") delete item[key];
  return item;
}
