import { describe, expect, it } from "vitest";
import { GraphError } from "../errors";
import { matchesFilter } from "./evaluate-filter";
import { needsAdvancedQuery, parseFilter } from "./filter";

const user = {
  id: "6ea91a8d-e32e-41a1-b7bd-d2d185eed0e0",
  displayName: "Conf Room Adams",
  userType: "Guest",
  accountEnabled: false,
  city: null,
  createdDateTime: "2024-03-01T10:00:00Z",
  assignedLicenses: [{ skuId: "cbdc14ab-d96c-4c30-b9f4-6ada7cdc1d46", disabledPlans: [] }],
  signInActivity: { lastSignInDateTime: "2025-01-01T00:00:00Z" },
};

const matches = (filter: string) => matchesFilter(parseFilter(filter), user);

describe("$filter", () => {
  it("matches the equality forms the product uses, strings case-insensitively", () => {
    expect(matches("userType eq 'guest'")).toBe(true);
    expect(matches("userType eq 'Member'")).toBe(false);
    expect(matches("accountEnabled eq false")).toBe(true);
    expect(matches("accountEnabled eq true")).toBe(false);
    expect(matches("city eq null")).toBe(true);
  });

  it("compares date-times by instant, unquoted as OData writes them", () => {
    expect(matches("createdDateTime ge 2024-01-01T00:00:00Z")).toBe(true);
    expect(matches("createdDateTime ge 2024-06-01T00:00:00.000Z")).toBe(false);
    expect(matches("signInActivity/lastSignInDateTime le 2025-02-01T00:00:00Z")).toBe(true);
  });

  it("supports startswith, and/or/not, parentheses and in", () => {
    expect(matches("startswith(displayName,'conf')")).toBe(true);
    expect(matches("startswith(displayName,'Room')")).toBe(false);
    expect(
      matches("userType eq 'Guest' and (accountEnabled eq true or startswith(displayName,'Conf'))"),
    ).toBe(true);
    expect(matches("not(userType eq 'Guest')")).toBe(false);
    expect(matches("userType in ('Member', 'Guest')")).toBe(true);
  });

  it("evaluates any() lambdas over collections with unquoted GUIDs", () => {
    expect(matches("assignedLicenses/any(x:x/skuId eq cbdc14ab-d96c-4c30-b9f4-6ada7cdc1d46)")).toBe(
      true,
    );
    expect(matches("assignedLicenses/any(x:x/skuId eq 00000000-0000-0000-0000-000000000000)")).toBe(
      false,
    );
    expect(matches("assignedLicenses/any()")).toBe(true);
  });

  it("keeps a doubled quote inside a string literal", () => {
    expect(
      matchesFilter(parseFilter("displayName eq 'O''Brien'"), { id: "1", displayName: "O'Brien" }),
    ).toBe(true);
  });

  it("flags ne, not and endswith as advanced queries", () => {
    expect(needsAdvancedQuery(parseFilter("userType ne 'Guest'"))).toBe(true);
    expect(needsAdvancedQuery(parseFilter("endswith(mail,'@contoso.com')"))).toBe(true);
    expect(needsAdvancedQuery(parseFilter("not(accountEnabled eq true)"))).toBe(true);
    expect(needsAdvancedQuery(parseFilter("userType eq 'Guest'"))).toBe(false);
  });

  it("rejects malformed filters with a 400 instead of crashing", () => {
    for (const bad of [
      "userType eq",
      "userType 'Guest'",
      "(userType eq 'x'",
      "startswith(displayName)",
      "displayName eq 'open",
    ]) {
      expect(() => parseFilter(bad), bad).toThrow(GraphError);
    }
  });
});
