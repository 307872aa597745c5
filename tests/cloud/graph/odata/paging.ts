import type { GraphObject } from "../../tenants/model";
import { matchesFilter } from "./evaluate-filter";
import type { QueryOptions } from "./query-options";
import { decodeSkipToken, encodeSkipToken, type PageCursor } from "./skiptoken";

export const GRAPH_ORIGIN = "https://graph.microsoft.com";

/**
 * Reads the query a list request stands for: its own, or, when it carries a `$skiptoken`, the
 * original request's (kept inside the token), plus where the page starts.
 */
export function resolvePagedQuery(url: URL): { query: URL; cursor: PageCursor | undefined } {
  const token = url.searchParams.get("$skiptoken") ?? url.searchParams.get("skiptoken");
  if (token === null) return { query: url, cursor: undefined };
  const cursor = decodeSkipToken(token);
  const query = new URL(url.pathname, url.origin);
  query.search = cursor.query;
  return { query, cursor };
}

export interface PageRequest {
  objects: readonly GraphObject[];
  options: QueryOptions;
  cursor: PageCursor | undefined;
  /** Used when there is no `$top`. */
  defaultPageSize: number;
  project: (object: GraphObject) => Record<string, unknown>;
  /** The request URL (path + original query) for building the nextLink. */
  url: URL;
  /** `v1.0` or `beta` plus path, e.g. `/v1.0/users`. */
  extraFilter?: (object: GraphObject) => boolean;
}

export interface Page {
  value: Record<string, unknown>[];
  nextLink: string | undefined;
  count: number | undefined;
}

/**
 * One page of a collection: filters while walking from the cursor, stops at `$top` (or the
 * default page size), and emits a nextLink whose `$skiptoken` points at the next match.
 */
export function buildPage(request: PageRequest): Page {
  const { objects, options } = request;
  const size = options.top ?? request.defaultPageSize;
  const accepts = (object: GraphObject): boolean =>
    (options.filter === undefined || matchesFilter(options.filter, object)) &&
    (request.extraFilter === undefined || request.extraFilter(object));
  const filtered = options.filter !== undefined || request.extraFilter !== undefined;

  let index = startIndex(objects, request.cursor);
  const value: Record<string, unknown>[] = [];
  while (index < objects.length && value.length < size) {
    const object = objects[index] as GraphObject;
    if (!filtered || accepts(object)) value.push(request.project(object));
    index++;
  }
  // Look ahead to the next match so the last page never ends with an empty nextLink page.
  if (filtered) {
    while (index < objects.length && !accepts(objects[index] as GraphObject)) index++;
  }
  let nextLink: string | undefined;
  const next = objects[index];
  if (next !== undefined) {
    const query = originalQuery(request.url);
    nextLink = linkWithSkipToken(
      request.url,
      query,
      encodeSkipToken({ position: index, nextId: next.id, query }),
    );
  }
  let count: number | undefined;
  // paging.md: with $count=true, @odata.count is on the first page only.
  if (options.count && request.cursor === undefined) {
    count = filtered ? objects.filter(accepts).length : objects.length;
  }
  return { value, nextLink, count };
}

function startIndex(objects: readonly GraphObject[], cursor: PageCursor | undefined): number {
  if (cursor === undefined) return 0;
  if (objects[cursor.position]?.id === cursor.nextId) return cursor.position;
  const moved = objects.findIndex((object) => object.id === cursor.nextId);
  return moved >= 0 ? moved : Math.min(cursor.position, objects.length);
}

/** The query string without `$skiptoken`, with `$` kept literal as Graph writes its links. */
export function originalQuery(url: URL): string {
  const parts: string[] = [];
  for (const [key, value] of url.searchParams) {
    if (key.toLowerCase() === "$skiptoken" || key.toLowerCase() === "skiptoken") continue;
    parts.push(`${key}=${encodeURIComponent(value)}`);
  }
  return parts.join("&");
}

export function linkWithSkipToken(url: URL, query: string, token: string): string {
  const separator = query === "" ? "" : "&";
  return `${GRAPH_ORIGIN}${url.pathname}?${query}${separator}$skiptoken=${token}`;
}
