import type { GraphObject } from "../../tenants/model";
import type { EntityType } from "../entity-types";
import { badRequest } from "../errors";
import { requireProperty } from "./query-options";

/**
 * `$search="displayName:room"` (clauses joined by AND/OR), as the directory supports it
 * (search-query-parameter.md): a clause matches when a word of the property starts with the term.
 */
export function searchPredicate(
  search: string,
  type: EntityType,
): (object: GraphObject) => boolean {
  const clauses = [...search.matchAll(/"([^":]+):([^"]*)"/g)].map((match) => ({
    property: requireProperty(type, match[1] ?? ""),
    term: (match[2] ?? "").toLowerCase(),
  }));
  if (clauses.length === 0) {
    throw badRequest(
      "Syntax error: character '\"' is not valid at position 0 in '$search'.",
      "Request_UnsupportedQuery",
    );
  }
  const any = /"\s+OR\s+"/.test(search);
  return (object) => {
    const results = clauses.map(({ property, term }) => {
      const value = object[property];
      if (typeof value !== "string") return false;
      const lowered = value.toLowerCase();
      return (
        lowered.startsWith(term) ||
        lowered.split(/[^\p{L}\p{N}]+/u).some((word) => word.startsWith(term))
      );
    });
    return any ? results.some(Boolean) : results.every(Boolean);
  };
}
