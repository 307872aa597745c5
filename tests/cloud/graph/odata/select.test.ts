import { describe, expect, it } from "vitest";
import { DEVICE, GROUP, USER } from "../entity-types";
import { projectObject } from "./select";

const user = {
  id: "u1",
  displayName: "Adele Vance",
  userPrincipalName: "adele@contoso.com",
  businessPhones: [],
  signInActivity: { lastSignInDateTime: "2025-01-01T00:00:00Z" },
  accountEnabled: true,
};

describe("projection", () => {
  it("returns the selected properties in the order asked, then id, with null for missing ones", () => {
    expect(projectObject(user, USER, ["userPrincipalName", "jobTitle"])).toEqual({
      userPrincipalName: "adele@contoso.com",
      jobTitle: null,
      id: "u1",
    });
    expect(Object.keys(projectObject(user, USER, ["userPrincipalName", "jobTitle"]))).toEqual([
      "userPrincipalName",
      "jobTitle",
      "id",
    ]);
  });

  it("gives users only the default set without $select", () => {
    const projected = projectObject(user, USER, undefined);
    expect(Object.keys(projected)).toEqual(USER.defaultProperties);
    expect(projected).not.toHaveProperty("signInActivity");
    expect(projected).not.toHaveProperty("accountEnabled");
  });

  it("leaves out a group's $select-only properties and keeps the rest as stored", () => {
    const group = {
      id: "g1",
      displayName: "Sales",
      unseenCount: 3,
      hideFromOutlookClients: false,
      extra: "kept",
    };
    expect(projectObject(group, GROUP, undefined)).toEqual({
      id: "g1",
      displayName: "Sales",
      extra: "kept",
    });
    expect(projectObject(group, GROUP, ["unseenCount"])).toEqual({ unseenCount: 3, id: "g1" });
  });

  it("keeps @odata.type first when the stored object has one", () => {
    const device = { "@odata.type": "#microsoft.graph.device", id: "d1", displayName: "PC" };
    expect(Object.keys(projectObject(device, DEVICE, ["displayName"]))).toEqual([
      "@odata.type",
      "displayName",
      "id",
    ]);
  });
});
