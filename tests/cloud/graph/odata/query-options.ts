import { canonicalProperty, type EntityType } from "../entity-types";
import { badRequest, GraphError } from "../errors";
import {
  advancedOperatorName,
  type FilterNode,
  filterProperties,
  needsAdvancedQuery,
  parseFilter,
} from "./filter";

export interface OrderBy {
  property: string;
  descending: boolean;
}

/** The OData system query options of one Graph request, parsed and validated. */
export interface QueryOptions {
  select: string[] | undefined;
  expand: string[] | undefined;
  filterText: string | undefined;
  filter: FilterNode | undefined;
  top: number | undefined;
  orderBy: OrderBy[] | undefined;
  count: boolean;
  search: string | undefined;
  skipToken: string | undefined;
  deltaToken: string | undefined;
}

/** What one endpoint accepts (from its API page's "Optional query parameters"). */
export interface QueryRules {
  type: EntityType;
  /** Maximum `$top`; undefined when the endpoint does not support `$top`. */
  maxTop: number | undefined;
  /** Properties `$orderby` accepts. */
  orderable?: readonly string[];
  /** Navigation properties this endpoint expands (others answer 400 rather than being ignored). */
  expandable?: readonly string[];
  /** Endpoints under the directory's advanced-query rules (users, groups, devices, …). */
  directoryQueries?: boolean;
}

/**
 * Reads `$select`, `$expand`, `$filter`, `$top`, `$orderby`, `$count`, `$search`, `$skiptoken`,
 * `$deltatoken` (the `$` is optional, as Graph allows). `eventual` is whether the request carried
 * `ConsistencyLevel: eventual`, which directory advanced queries require (aad-advanced-queries.md).
 */
export function parseQueryOptions(url: URL, rules: QueryRules, eventual: boolean): QueryOptions {
  const read = (name: string): string | undefined =>
    url.searchParams.get(`$${name}`) ?? url.searchParams.get(name) ?? undefined;
  const type = rules.type;

  const select = splitList(read("select"))?.map((name) => requireProperty(type, name));
  const expand = splitList(read("expand"))?.map((name) => {
    const bare = name.replace(/\(.*\)$/, "");
    for (const navigation of type.navigationProperties ?? []) {
      if (navigation.toLowerCase() !== bare.toLowerCase()) continue;
      // Say so rather than answer without the expansion a client asked for.
      if (!rules.expandable?.includes(navigation)) {
        throw new GraphError(
          400,
          "Request_UnsupportedQuery",
          `The emulator does not expand '${navigation}' on '${type.name}' for this request.`,
        );
      }
      return navigation;
    }
    throw badRequest(`Could not find a property named '${bare}' on type '${type.name}'.`);
  });

  const filterText = read("filter");
  let filter: FilterNode | undefined;
  if (filterText !== undefined && filterText.trim() !== "") {
    filter = parseFilter(filterText);
    for (const property of filterProperties(filter))
      requireProperty(type, property.split("/")[0] ?? property);
  }

  const top = parseTop(read("top"), rules.maxTop);
  const countText = read("count");
  const count = countText?.toLowerCase() === "true";
  const search = read("search");

  const orderText = read("orderby");
  const orderBy = splitList(orderText)?.map((clause) => {
    const [name = "", direction = "asc"] = clause.trim().split(/\s+/);
    const property = requireProperty(type, name);
    if (rules.orderable && !rules.orderable.includes(property)) {
      throw new GraphError(
        400,
        "Request_UnsupportedQuery",
        `Sorting not supported for '${property}'.`,
      );
    }
    return { property, descending: direction.toLowerCase() === "desc" };
  });

  if (rules.directoryQueries) {
    // aad-advanced-queries.md: $count, $search and ne/not/endswith need ConsistencyLevel: eventual.
    if (count && !eventual) {
      throw badRequest("$count is not currently supported.");
    }
    if (search !== undefined && !eventual) {
      throw new GraphError(
        400,
        "Request_UnsupportedQuery",
        "Request with $search query parameter only works through MSGraph with a special request header: 'ConsistencyLevel: eventual'",
      );
    }
    if (filter && needsAdvancedQuery(filter) && !eventual) {
      throw new GraphError(
        400,
        "Request_UnsupportedQuery",
        `Operator '${advancedOperatorName(filter)}' is not supported because the 'ConsistencyLevel:eventual' header is missing. Refer to https://aka.ms/graph-docs/advanced-queries for more information`,
      );
    }
  }

  return {
    select,
    expand,
    filterText,
    filter,
    top,
    orderBy,
    count,
    search,
    skipToken: read("skiptoken"),
    deltaToken: read("deltatoken"),
  };
}

function splitList(text: string | undefined): string[] | undefined {
  if (text === undefined) return undefined;
  const parts: string[] = [];
  let depth = 0;
  let current = "";
  for (const char of text) {
    if (char === "(") depth++;
    if (char === ")") depth--;
    if (char === "," && depth === 0) {
      parts.push(current.trim());
      current = "";
    } else current += char;
  }
  if (current.trim() !== "") parts.push(current.trim());
  return parts;
}

/** Graph's 400 for an unknown property in `$select`/`$filter`/`$orderby`. */
export function requireProperty(type: EntityType, name: string): string {
  const property = canonicalProperty(type, name);
  if (property === undefined) {
    throw badRequest(`Could not find a property named '${name}' on type '${type.name}'.`);
  }
  return property;
}

function parseTop(text: string | undefined, maxTop: number | undefined): number | undefined {
  if (text === undefined) return undefined;
  const value = Number(text);
  if (maxTop === undefined) {
    // Endpoints without $top ignore it, as Graph does for e.g. directoryRoles.
    return undefined;
  }
  if (!Number.isInteger(value) || value < 1 || value > maxTop) {
    throw badRequest(
      `Invalid page size specified: '${text}'. Must be between 1 and ${maxTop} inclusive.`,
    );
  }
  return value;
}
