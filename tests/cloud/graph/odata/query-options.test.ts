import { describe, expect, it } from "vitest";
import { USER } from "../entity-types";
import type { GraphError } from "../errors";
import { parseQueryOptions, type QueryRules } from "./query-options";

const RULES: QueryRules = {
  type: USER,
  maxTop: 999,
  orderable: ["displayName"],
  directoryQueries: true,
};
const parse = (query: string, eventual = false) =>
  parseQueryOptions(new URL(`https://graph.microsoft.com/v1.0/users?${query}`), RULES, eventual);

function errorOf(action: () => unknown): GraphError {
  try {
    action();
  } catch (error) {
    return error as GraphError;
  }
  throw new Error("expected an error");
}

describe("query options", () => {
  it("canonicalises $select names case-insensitively and keeps their order", () => {
    expect(parse("$select=DisplayName,id,signinactivity").select).toEqual([
      "displayName",
      "id",
      "signInActivity",
    ]);
  });

  it("answers an unknown $select property with Graph's 400", () => {
    const error = errorOf(() => parse("$select=displayName,shoeSize"));
    expect(error.status).toBe(400);
    expect(error.code).toBe("Request_BadRequest");
    expect(error.message).toBe(
      "Could not find a property named 'shoeSize' on type 'microsoft.graph.user'.",
    );
  });

  it("accepts $top from 1 to 999 and rejects 0 and 1000 with Graph's message", () => {
    expect(parse("$top=1").top).toBe(1);
    expect(parse("$top=999").top).toBe(999);
    expect(errorOf(() => parse("$top=1000")).message).toBe(
      "Invalid page size specified: '1000'. Must be between 1 and 999 inclusive.",
    );
    expect(errorOf(() => parse("$top=0")).status).toBe(400);
    expect(errorOf(() => parse("$top=ten")).status).toBe(400);
  });

  it("requires ConsistencyLevel: eventual for $count, $search and advanced filters", () => {
    expect(errorOf(() => parse("$count=true")).message).toBe("$count is not currently supported.");
    expect(errorOf(() => parse('$search="displayName:room"')).code).toBe(
      "Request_UnsupportedQuery",
    );
    expect(errorOf(() => parse("$filter=userType ne 'Guest'")).message).toContain(
      "ConsistencyLevel:eventual",
    );
    expect(parse("$count=true", true).count).toBe(true);
    expect(parse("$filter=userType ne 'Guest'", true).filter).toBeDefined();
  });

  it("accepts the basic filters without ConsistencyLevel", () => {
    expect(parse("$filter=userType eq 'Guest'").filterText).toBe("userType eq 'Guest'");
    expect(parse("$filter=accountEnabled eq false").filter).toBeDefined();
    expect(parse("$filter=startswith(displayName,'a')").filter).toBeDefined();
  });

  it("rejects filters and $orderby on unknown or unsortable properties", () => {
    expect(errorOf(() => parse("$filter=shoeSize eq 4")).message).toContain("'shoeSize'");
    expect(errorOf(() => parse("$orderby=jobTitle")).code).toBe("Request_UnsupportedQuery");
    expect(parse("$orderby=displayName desc").orderBy).toEqual([
      { property: "displayName", descending: true },
    ]);
  });

  it("refuses an expansion the endpoint does not implement instead of ignoring it", () => {
    expect(errorOf(() => parse("$expand=manager")).code).toBe("Request_UnsupportedQuery");
    expect(errorOf(() => parse("$expand=shoes")).message).toBe(
      "Could not find a property named 'shoes' on type 'microsoft.graph.user'.",
    );
    const withManager = parseQueryOptions(
      new URL("https://graph.microsoft.com/v1.0/users?$expand=manager"),
      { ...RULES, expandable: ["manager"] },
      false,
    );
    expect(withManager.expand).toEqual(["manager"]);
  });
});
