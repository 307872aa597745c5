import { describe, expect, it } from "vitest";
import { putObject, removeObject } from "../tenants/model";
import { orderedObjects } from "./collection-index";
import { addObjects, createTestTenant } from "./test-support/tenant-builder";

describe("collection orderings", () => {
  it("reuses the cached array until the collection changes", () => {
    const tenant = createTestTenant();
    addObjects(tenant, "users", [{ id: "a" }, { id: "b" }]);
    const first = orderedObjects(tenant, "users");
    addObjects(tenant, "groups", [{ id: "g" }]);
    expect(orderedObjects(tenant, "users")).toBe(first);
    putObject(tenant, "users", { id: "a", displayName: "changed" });
    const second = orderedObjects(tenant, "users");
    expect(second).not.toBe(first);
    expect(second.find((user) => user.id === "a")?.displayName).toBe("changed");
    removeObject(tenant, "users", "b");
    expect(orderedObjects(tenant, "users").map((user) => user.id)).toEqual(["a"]);
  });

  it("notices objects written straight into the map (size change)", () => {
    const tenant = createTestTenant();
    addObjects(tenant, "users", [{ id: "a" }]);
    orderedObjects(tenant, "users");
    tenant.collections.users.set("z", { id: "z" });
    expect(orderedObjects(tenant, "users").map((user) => user.id)).toEqual(["a", "z"]);
  });

  it("keeps sorted orderings apart from the insertion order", () => {
    const tenant = createTestTenant();
    addObjects(tenant, "users", [
      { id: "1", displayName: "b" },
      { id: "2", displayName: "a" },
    ]);
    const sorted = orderedObjects(tenant, "users", {
      key: "displayName",
      compare: (left, right) => String(left.displayName).localeCompare(String(right.displayName)),
    });
    expect(sorted.map((user) => user.id)).toEqual(["2", "1"]);
    expect(orderedObjects(tenant, "users").map((user) => user.id)).toEqual(["1", "2"]);
  });
});
