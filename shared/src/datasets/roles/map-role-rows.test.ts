import { describe, expect, it } from "vitest";
import { readGraphSampleItems } from "../../../../tests/support/graph-samples";
import {
  type GraphDirectoryObject,
  type GraphDirectoryRole,
  type GraphRoleAssignment,
  type GraphRoleDefinition,
  GraphShapeError,
} from "../../graph-types";
import { roleRowSchema } from "../roles";
import { mapRoleRows } from "./map-role-rows";
import type { RoleSourcesInput } from "./role-sources";

const GLOBAL_ADMIN = "62e90394-69f5-4237-9190-012177145e10";
const HELPDESK_ADMIN = "729827e3-9c14-49f7-bb1b-9608f156bbb8";

function input(overrides: Partial<RoleSourcesInput>): RoleSourcesInput {
  return { roleDefinitions: [], roleAssignments: [], groupMembers: new Map(), ...overrides };
}

function user(id: string, upn: string, displayName = upn): GraphDirectoryObject {
  return { "@odata.type": "#microsoft.graph.user", id, displayName, userPrincipalName: upn };
}

function assignment(
  roleDefinitionId: string,
  principal: GraphDirectoryObject,
): GraphRoleAssignment {
  return {
    id: `${roleDefinitionId}-${principal.id}`,
    principalId: principal.id,
    roleDefinitionId,
    directoryScopeId: "/",
    principal,
  };
}

const helpdeskDefinition: GraphRoleDefinition = {
  id: HELPDESK_ADMIN,
  displayName: "Helpdesk Administrator",
  description: "Can reset passwords for non-administrators and Helpdesk Administrators.",
  templateId: HELPDESK_ADMIN,
  isBuiltIn: true,
};

describe("roles from the published Graph samples", () => {
  it("maps roleassignments-list: every expanded principal becomes a member of its role", () => {
    const assignments = readGraphSampleItems<GraphRoleAssignment>("roleassignments-list");
    const rows = mapRoleRows(input({ roleAssignments: assignments }));
    expect(rows).toHaveLength(1);
    const [globalAdmin] = rows;
    expect(globalAdmin?.id).toBe(GLOBAL_ADMIN);
    for (const { principal } of assignments) {
      expect(globalAdmin?.members).toContainEqual({
        id: principal?.id,
        kind: "user",
        displayName: principal?.displayName,
        identifier: null,
        viaGroup: null,
      });
    }
    expect(globalAdmin?.userCount).toBe(3);
    expect(roleRowSchema.array().parse(rows)).toEqual(rows);
  });

  it("names an assigned role from roledefinitions-list: display name, description, template id, built-in", () => {
    const definitions = readGraphSampleItems<GraphRoleDefinition>("roledefinitions-list");
    const rows = mapRoleRows(
      input({
        roleDefinitions: definitions,
        roleAssignments: definitions.map((definition, index) =>
          assignment(definition.id, user(`user-${index}`, `user${index}@contoso.com`)),
        ),
      }),
    );
    for (const definition of definitions) {
      expect(rows).toContainEqual(
        expect.objectContaining({
          id: definition.id,
          displayName: definition.displayName,
          description: definition.description,
          roleTemplateId: definition.templateId,
          isBuiltIn: definition.isBuiltIn,
          userCount: 1,
        }),
      );
    }
    expect(roleRowSchema.array().parse(rows)).toEqual(rows);
  });

  it("lists role definitions nobody holds nowhere", () => {
    const definitions = readGraphSampleItems<GraphRoleDefinition>("roledefinitions-list");
    expect(mapRoleRows(input({ roleDefinitions: definitions }))).toEqual([]);
  });

  it("maps directoryroles-list: every activated role is a row keyed by its template id", () => {
    const roles = readGraphSampleItems<GraphDirectoryRole>("directoryroles-list");
    const rows = mapRoleRows(
      input({ directoryRoles: roles.map((role) => ({ role, members: null })) }),
    );
    expect(
      rows.map(({ id, displayName, description, roleTemplateId, userCount }) => ({
        id,
        displayName,
        description,
        roleTemplateId,
        userCount,
      })),
    ).toEqual(
      roles
        .map((role) => ({
          id: role.roleTemplateId,
          displayName: role.displayName,
          description: role.description,
          roleTemplateId: role.roleTemplateId,
          userCount: 0,
        }))
        .sort((a, b) => (a.displayName < b.displayName ? -1 : 1)),
    );
    expect(roleRowSchema.array().parse(rows)).toEqual(rows);
  });

  it("names the Global Administrator of roleassignments-list from directoryroles-list when its definition was not collected", () => {
    const rows = mapRoleRows(
      input({
        roleAssignments: readGraphSampleItems<GraphRoleAssignment>("roleassignments-list"),
        directoryRoles: readGraphSampleItems<GraphDirectoryRole>("directoryroles-list").map(
          (role) => ({ role, members: null }),
        ),
      }),
    );
    expect(rows.find((row) => row.id === GLOBAL_ADMIN)).toMatchObject({
      displayName: "Global Administrator",
      userCount: 3,
    });
  });

  it("rejects directoryrole-members-list as published (members without id) with a typed error", () => {
    // The doc example is shortened: no `id` and no `@odata.type` on the member. The live service
    // always returns both; a member without an id can't be keyed, so the mapper says so.
    const [role] = readGraphSampleItems<GraphDirectoryRole>("directoryroles-list");
    const members = readGraphSampleItems<GraphDirectoryObject>("directoryrole-members-list");
    expect(() =>
      mapRoleRows(input({ directoryRoles: [{ role: role as GraphDirectoryRole, members }] })),
    ).toThrow(GraphShapeError);
    expect(() =>
      mapRoleRows(input({ directoryRoles: [{ role: role as GraphDirectoryRole, members }] })),
    ).toThrow(expect.objectContaining({ entity: "directoryObject", objectId: null, field: "id" }));
  });

  it("maps directoryrole-members-list once the id the service always returns is present, inferring a user from its UPN", () => {
    const [role] = readGraphSampleItems<GraphDirectoryRole>("directoryroles-list");
    const members = readGraphSampleItems<GraphDirectoryObject>("directoryrole-members-list").map(
      (member, index) => ({ ...member, id: `member-${index}` }),
    );
    const [row] = mapRoleRows(
      input({ directoryRoles: [{ role: role as GraphDirectoryRole, members }] }),
    );
    expect(row?.members).toEqual([
      {
        id: "member-0",
        kind: "user",
        displayName: "Adele Vance",
        identifier: "AdeleV@contoso.com",
        viaGroup: null,
      },
    ]);
    expect(row?.userCount).toBe(1);
  });
});

describe("roles from directoryroles-delta", () => {
  it("maps directoryroles-delta: the member marked removed holds the role no more", () => {
    // Read with `$expand=members`, a delta item carries its member changes in `members@delta`.
    const items = readGraphSampleItems<
      GraphDirectoryRole & { "members@delta": GraphDirectoryObject[] }
    >("directoryroles-delta");
    const rows = mapRoleRows(
      input({ directoryRoles: items.map((role) => ({ role, members: role["members@delta"] })) }),
    );
    expect(rows).toEqual([
      {
        id: "9f06204d-73c1-4d4c-880a-6edb90606fd8",
        displayName: "Azure AD Joined Device Local Administrator",
        description: "Device Administrators",
        roleTemplateId: "9f06204d-73c1-4d4c-880a-6edb90606fd8",
        isBuiltIn: null,
        userCount: 0,
        members: [],
      },
    ]);
  });
});

describe("role holders through groups and service principals", () => {
  const alice = user("alice", "alice@contoso.com", "Alice");
  const bob = user("bob", "bob@contoso.com", "Bob");
  const helpdeskGroup: GraphDirectoryObject = {
    "@odata.type": "#microsoft.graph.group",
    id: "group-helpdesk",
    displayName: "Helpdesk admins",
  };
  const backupApp: GraphDirectoryObject = {
    "@odata.type": "#microsoft.graph.servicePrincipal",
    id: "sp-backup",
    displayName: "Backup tool",
    appId: "a1b2c3d4-0000-0000-0000-000000000001",
  };

  it("counts a user holding a role both directly and through a group once", () => {
    const [row] = mapRoleRows(
      input({
        roleDefinitions: [helpdeskDefinition],
        roleAssignments: [
          assignment(HELPDESK_ADMIN, alice),
          assignment(HELPDESK_ADMIN, helpdeskGroup),
        ],
        groupMembers: new Map([["group-helpdesk", [alice, bob]]]),
      }),
    );
    expect(row?.userCount).toBe(2);
    expect(row?.members).toEqual([
      {
        id: "alice",
        kind: "user",
        displayName: "Alice",
        identifier: "alice@contoso.com",
        viaGroup: null,
      },
      {
        id: "group-helpdesk",
        kind: "group",
        displayName: "Helpdesk admins",
        identifier: null,
        viaGroup: null,
      },
      {
        id: "alice",
        kind: "user",
        displayName: "Alice",
        identifier: "alice@contoso.com",
        viaGroup: "Helpdesk admins",
      },
      {
        id: "bob",
        kind: "user",
        displayName: "Bob",
        identifier: "bob@contoso.com",
        viaGroup: "Helpdesk admins",
      },
    ]);
  });

  it("lists a service principal assignee with its appId and does not count it as a user", () => {
    const [row] = mapRoleRows(
      input({
        roleDefinitions: [helpdeskDefinition],
        roleAssignments: [assignment(HELPDESK_ADMIN, backupApp)],
      }),
    );
    expect(row?.members).toEqual([
      {
        id: "sp-backup",
        kind: "servicePrincipal",
        displayName: "Backup tool",
        identifier: "a1b2c3d4-0000-0000-0000-000000000001",
        viaGroup: null,
      },
    ]);
    expect(row?.userCount).toBe(0);
  });

  it("recognises a group assignee without an expanded principal by its collected member list", () => {
    const [row] = mapRoleRows(
      input({
        roleDefinitions: [helpdeskDefinition],
        roleAssignments: [
          { id: "a1", principalId: "group-helpdesk", roleDefinitionId: HELPDESK_ADMIN },
          { id: "a2", principalId: "someone", roleDefinitionId: HELPDESK_ADMIN },
        ],
        groupMembers: new Map([["group-helpdesk", [bob]]]),
      }),
    );
    expect(row?.members.map(({ id, kind, viaGroup }) => ({ id, kind, viaGroup }))).toEqual([
      { id: "group-helpdesk", kind: "group", viaGroup: null },
      { id: "someone", kind: "unknown", viaGroup: null },
      { id: "bob", kind: "user", viaGroup: "group-helpdesk" },
    ]);
    expect(row?.userCount).toBe(1);
  });

  it("ignores tombstones of removed group members", () => {
    const [row] = mapRoleRows(
      input({
        roleAssignments: [assignment(HELPDESK_ADMIN, helpdeskGroup)],
        groupMembers: new Map([
          ["group-helpdesk", [{ ...bob, "@removed": { reason: "deleted" } }]],
        ]),
      }),
    );
    expect(row?.userCount).toBe(0);
  });

  it("keeps an assignment to an uncollected role definition under its id", () => {
    const [row] = mapRoleRows(input({ roleAssignments: [assignment("custom-role-id", alice)] }));
    expect(row).toMatchObject({
      id: "custom-role-id",
      displayName: "custom-role-id",
      roleTemplateId: "custom-role-id",
      description: null,
      isBuiltIn: null,
    });
  });

  it("names the assignment and field when a principal id is not a string", () => {
    const broken = { id: "assignment-1", principalId: 42, roleDefinitionId: HELPDESK_ADMIN };
    expect(() =>
      mapRoleRows(input({ roleAssignments: [broken as unknown as GraphRoleAssignment] })),
    ).toThrow(
      expect.objectContaining({
        name: "GraphShapeError",
        entity: "unifiedRoleAssignment",
        objectId: "assignment-1",
        field: "principalId",
      }),
    );
  });
});
