import { expect } from "vitest";
import { putObject, removeObject } from "../../tenants/model";
import { setMembers } from "../membership";
import type { GraphHarness } from "../test-support/graph-harness";
import type { TestTenantOptions } from "../test-support/tenant-builder";
import { addObjects } from "../test-support/tenant-builder";

// biome-ignore lint/suspicious/noExplicitAny: samples are arbitrary JSON read from disk; each case knows its own sample's shape.
type Sample = any;

/** One sample payload and how to ask the emulator for the same answer. */
export interface ConformanceCase {
  /** File name under ../shared/graph/samples/. */
  sample: string;
  /** Why this file is not compared (only for files that are not responses). */
  skip?: string;
  tenant?: TestTenantOptions;
  /** Emulator clock start, for samples whose data is dated (audit retention, score history). */
  startMs?: number;
  /** Seeds the tenant with the sample's objects, sends the request, returns the answer. */
  run(graph: GraphHarness, sample: Sample): Promise<Response>;
  expectedStatus?: number;
  /** The part of the sample to compare (defaults to all of it). */
  expected?(sample: Sample): unknown;
  /** Properties the emulator may add, each justified by where the doc shortened its sample. */
  allowedExtra?: { names: string[]; reason: string };
}

const without = (object: Record<string, unknown>, ...keys: string[]) =>
  Object.fromEntries(Object.entries(object).filter(([key]) => !keys.includes(key)));

const local = (link: string) => link.replace("https://graph.microsoft.com", "");

const CONTEXT_MISSING = {
  names: ["@odata.context"],
  reason: "the doc sample omits @odata.context, which the service sends (SOURCES.md)",
};

async function deltaPages(
  graph: GraphHarness,
  start: string,
  pageSize: number,
): Promise<Record<string, unknown>[]> {
  const pages: Record<string, unknown>[] = [];
  let next: string | undefined = start;
  while (next) {
    const page = (await (
      await graph.call(next, { headers: { Prefer: `odata.maxpagesize=${pageSize}` } })
    ).json()) as Record<string, unknown>;
    pages.push(page);
    next = typeof page["@odata.nextLink"] === "string" ? local(page["@odata.nextLink"]) : undefined;
  }
  return pages;
}

const json = (body: unknown) =>
  new Response(JSON.stringify(body), { headers: { "Content-Type": "application/json" } });

/** The groups of the three groups-delta samples, with their members, seeded in order. */
async function seedDeltaGroups(graph: GraphHarness, samples: Sample[]): Promise<void> {
  for (const sample of samples) {
    for (const group of sample.value as Record<string, unknown>[]) {
      const members = (group["members@delta"] as { id: string }[] | undefined) ?? [];
      addObjects(
        graph.tenant,
        "users",
        members
          .filter((member) => !graph.tenant.collections.users.has(member.id))
          .map((member) => ({ id: member.id, displayName: "member" })),
      );
      const [stored] = addObjects(graph.tenant, "groups", [without(group, "members@delta")]);
      graph.tenant.groupMembers.set(
        String(stored?.id),
        members.map((member) => member.id),
      );
    }
  }
}

export const CASES: ConformanceCase[] = [
  {
    sample: "users-list.json",
    run: (graph, sample) => {
      addObjects(graph.tenant, "users", sample.value);
      return graph.call("/v1.0/users");
    },
  },
  {
    sample: "users-list-select-assignedlicenses.json",
    run: (graph, sample) => {
      addObjects(graph.tenant, "users", sample.value);
      addObjects(graph.tenant, "users", [{ mail: "nolicence@contoso.com", assignedLicenses: [] }]);
      return graph.call(
        "/v1.0/users?$select=id,mail,assignedLicenses&$filter=assignedLicenses/any(u:u/skuId eq cbdc14ab-d96c-4c30-b9f4-6ada7cdc1d46)",
      );
    },
  },
  {
    sample: "user-get.json",
    allowedExtra: CONTEXT_MISSING,
    run: (graph, sample) => {
      addObjects(graph.tenant, "users", [sample]);
      return graph.call(`/v1.0/users/${sample.id}`);
    },
  },
  {
    sample: "users-delta.json",
    run: async (graph, sample) => {
      const users = addObjects(graph.tenant, "users", [
        ...sample.value.filter((user: Record<string, unknown>) => !user["@removed"]),
        { id: sample.value[2].id, displayName: "Removed later" },
        { displayName: "Changed later", givenName: "Changed", surname: "Later" },
      ]);
      const first = await deltaPages(
        graph,
        "/v1.0/users/delta?$select=displayName,givenName,surname",
        100,
      );
      for (const user of users) {
        if (user.id === sample.value[2].id) removeObject(graph.tenant, "users", user.id);
        else putObject(graph.tenant, "users", { ...user });
      }
      const [changes] = await deltaPages(
        graph,
        local(String(first.at(-1)?.["@odata.deltaLink"])),
        4,
      ).then((pages) => pages);
      return json(changes);
    },
  },
  {
    sample: "users-delta-page2.json",
    run: async (graph) => {
      addObjects(
        graph.tenant,
        "users",
        [
          "Mallory Cortez",
          "Diego Sicilian",
          "Lidia Holloway",
          "Patti Fernandez",
          "Megan Bowen",
        ].map((name) => {
          const [givenName, surname] = name.split(" ");
          return { displayName: name, givenName, surname };
        }),
      );
      const pages = await deltaPages(
        graph,
        "/v1.0/users/delta?$select=displayName,givenName,surname",
        2,
      );
      return json(pages[1]);
    },
  },
  {
    sample: "users-delta-final.json",
    run: async (graph, sample) => {
      addObjects(graph.tenant, "users", sample.value);
      return json(
        (
          await deltaPages(graph, "/v1.0/users/delta?$select=displayName,givenName,surname", 100)
        ).at(-1),
      );
    },
  },
  {
    sample: "users-delta-nochanges.json",
    run: async (graph) => {
      addObjects(graph.tenant, "users", [
        { displayName: "Lidia Holloway", givenName: "Lidia", surname: "Holloway" },
      ]);
      const first = await deltaPages(graph, "/v1.0/users/delta", 100);
      return graph.call(local(String(first.at(-1)?.["@odata.deltaLink"])));
    },
  },
  {
    sample: "users-delta-changes.json",
    run: async (graph, sample) => {
      const [changed, removed] = addObjects(graph.tenant, "users", [
        {
          id: sample.value[0].id,
          displayName: "Before",
          givenName: "MOD",
          surname: "Administrator",
        },
        {
          id: sample.value[1].id,
          displayName: "Soon deleted",
          givenName: "Soon",
          surname: "Deleted",
        },
      ]);
      const first = await deltaPages(
        graph,
        "/v1.0/users/delta?$select=displayName,givenName,surname",
        100,
      );
      putObject(graph.tenant, "users", {
        ...(changed as { id: string }),
        displayName: "MOD Administrator",
      });
      removeObject(graph.tenant, "users", String(removed?.id));
      return graph.call(local(String(first.at(-1)?.["@odata.deltaLink"])));
    },
  },
  {
    sample: "devices-list.json",
    allowedExtra: {
      names: ["id", "@odata.context"],
      reason: "the doc sample has no id and no @odata.context (SOURCES.md)",
    },
    run: (graph, sample) => {
      addObjects(graph.tenant, "devices", sample.value);
      return graph.call("/v1.0/devices");
    },
  },
  {
    sample: "device-get.json",
    run: (graph, sample) => {
      addObjects(graph.tenant, "devices", [without(sample, "@odata.context")]);
      return graph.call(`/v1.0/devices/${sample.id}`);
    },
  },
  {
    sample: "managed-devices-list.json",
    allowedExtra: CONTEXT_MISSING,
    run: (graph, sample) => {
      addObjects(graph.tenant, "managedDevices", sample.value);
      return graph.call("/v1.0/deviceManagement/managedDevices");
    },
  },
  {
    sample: "groups-list.json",
    run: (graph, sample) => {
      addObjects(graph.tenant, "groups", sample.value);
      return graph.call("/v1.0/groups");
    },
  },
  ...(
    [
      "groups-delta.json",
      "groups-delta-page2.json",
      "groups-delta-final.json",
      "groups-delta-nochanges.json",
    ] as const
  ).map(
    (file, index): ConformanceCase => ({
      sample: file,
      run: async (graph) => {
        const { readSample } = await import("./samples");
        await seedDeltaGroups(graph, [
          readSample("groups-delta.json"),
          readSample("groups-delta-page2.json"),
          readSample("groups-delta-final.json"),
        ]);
        const pages = await deltaPages(
          graph,
          "/v1.0/groups/delta?$select=displayName,description&$expand=members",
          2,
        );
        if (index < 3) return json(pages[index]);
        return graph.call(local(String(pages.at(-1)?.["@odata.deltaLink"])));
      },
    }),
  ),
  {
    sample: "groups-delta-apiref.json",
    allowedExtra: {
      names: ["id"],
      reason: "the API reference sample's group has no id (SOURCES.md: shortened)",
    },
    run: async (graph, sample) => {
      await seedDeltaGroups(graph, [sample, sample]);
      return json((await deltaPages(graph, "/v1.0/groups/delta", 1))[0]);
    },
  },
  {
    sample: "subscribedskus-list.json",
    run: (graph, sample) => {
      addObjects(graph.tenant, "subscribedSkus", sample.value);
      return graph.call("/v1.0/subscribedSkus");
    },
  },
  {
    sample: "directoryroles-list.json",
    run: (graph, sample) => {
      addObjects(graph.tenant, "directoryRoles", sample.value);
      return graph.call("/v1.0/directoryRoles");
    },
  },
  {
    sample: "directoryroles-delta.json",
    run: async (graph, sample) => {
      const role = sample.value[0];
      const removedMember = role["members@delta"][0].id;
      addObjects(graph.tenant, "users", [{ id: removedMember, displayName: "Former admin" }]);
      const roles = addObjects(graph.tenant, "directoryRoles", [
        without(role, "members@delta"),
        {
          description: "Device Administrators",
          displayName: "Cloud Device Administrator",
          roleTemplateId: "7698a772-787b-4ac8-901f-60d6b08affd2",
        },
      ]);
      for (const stored of roles) graph.tenant.directoryRoleMembers.set(stored.id, [removedMember]);
      const first = await deltaPages(graph, "/v1.0/directoryRoles/delta", 100);
      for (const stored of roles)
        setMembers(graph.ctx, graph.tenant, "directoryRoles", stored.id, []);
      return json(
        (await deltaPages(graph, local(String(first.at(-1)?.["@odata.deltaLink"])), 1))[0],
      );
    },
  },
  {
    sample: "directoryrole-members-list.json",
    allowedExtra: {
      names: ["id", "@odata.type", "@odata.context", "mobilePhone"],
      reason:
        "the doc sample is shortened: no @odata.context, @odata.type or id, and one default property dropped (SOURCES.md)",
    },
    run: (graph, sample) => {
      const [role] = addObjects(graph.tenant, "directoryRoles", [
        {
          id: "23f3b4b4-8a29-4420-8052-e4950273bbda",
          displayName: "Global Administrator",
          roleTemplateId: "62e90394-69f5-4237-9190-012177145e10",
        },
      ]);
      const members = addObjects(graph.tenant, "users", sample.value);
      graph.tenant.directoryRoleMembers.set(
        String(role?.id),
        members.map((member) => member.id),
      );
      return graph.call(
        "/v1.0/directoryRoles/roleTemplateId=62e90394-69f5-4237-9190-012177145e10/members",
      );
    },
  },
  {
    sample: "roleassignments-list.json",
    run: (graph, sample) => {
      for (const assignment of sample.value) {
        addObjects(graph.tenant, "users", [without(assignment.principal, "@odata.type")]);
        addObjects(graph.tenant, "roleAssignments", [without(assignment, "principal")]);
      }
      addObjects(graph.tenant, "roleAssignments", [
        {
          principalId: "x",
          resourceScope: "/",
          directoryScopeId: "/",
          roleDefinitionId: "fe930be7-5e62-47db-91af-98c3a49a38b1",
        },
      ]);
      return graph.call(
        "/v1.0/roleManagement/directory/roleAssignments?$filter=roleDefinitionId eq '62e90394-69f5-4237-9190-012177145e10'&$expand=principal",
      );
    },
  },
  {
    sample: "roledefinitions-list.json",
    run: (graph, sample) => {
      addObjects(graph.tenant, "roleDefinitions", sample.value);
      return graph.call("/v1.0/roleManagement/directory/roleDefinitions");
    },
  },
  {
    sample: "directoryaudits-list.json",
    startMs: Date.parse("2018-01-10T00:00:00Z"),
    run: (graph, sample) => {
      addObjects(graph.tenant, "directoryAudits", sample.value);
      return graph.call("/v1.0/auditLogs/directoryAudits");
    },
  },
  {
    sample: "userregistrationdetails-list.json",
    run: (graph, sample) => {
      addObjects(graph.tenant, "userRegistrationDetails", sample.value);
      return graph.call("/v1.0/reports/authenticationMethods/userRegistrationDetails");
    },
  },
  {
    sample: "securescores-list.json",
    startMs: Date.parse("2019-03-20T00:00:00Z"),
    allowedExtra: CONTEXT_MISSING,
    run: (graph, sample) => {
      addObjects(graph.tenant, "secureScores", [
        ...sample.value,
        { ...sample.value[0], id: "older", createdDateTime: "2019-03-18T15:21:00Z" },
      ]);
      return graph.call("/v1.0/security/secureScores?$top=1");
    },
  },
  {
    sample: "securescorecontrolprofiles-list.json",
    allowedExtra: CONTEXT_MISSING,
    run: (graph, sample) => {
      addObjects(graph.tenant, "secureScoreControlProfiles", sample.value);
      return graph.call("/v1.0/security/secureScoreControlProfiles");
    },
  },
  {
    sample: "contracts-list.json",
    allowedExtra: CONTEXT_MISSING,
    run: (graph, sample) => {
      addObjects(graph.tenant, "contracts", sample.value);
      return graph.call("/v1.0/contracts");
    },
  },
  {
    sample: "organization-get.json",
    tenant: { id: "84841066-274d-4ec0-a5c1-276be684bdd3" },
    run: (graph, sample) => {
      addObjects(graph.tenant, "organization", sample.value);
      return graph.call("/v1.0/organization");
    },
  },
  {
    sample: "serviceprincipals-list-filter-displayname-scopes.json",
    run: (graph, sample) => {
      addObjects(graph.tenant, "servicePrincipals", [
        ...sample.value,
        { displayName: "Other", appId: "x", oauth2PermissionScopes: [] },
      ]);
      return graph.call(
        "/v1.0/servicePrincipals?$filter=displayName eq 'Microsoft Graph'&$select=id,displayName,appId,oauth2PermissionScopes",
      );
    },
  },
  {
    sample: "serviceprincipals-list-filter-appid.json",
    run: (graph, sample) => {
      addObjects(graph.tenant, "servicePrincipals", [
        ...sample.value,
        { displayName: "Other", appId: "x", appRoles: [] },
      ]);
      return graph.call(
        "/v1.0/servicePrincipals?$filter=appId eq '00000003-0000-0000-c000-000000000000'&$select=id,displayName,appId,appRoles",
      );
    },
  },
  {
    sample: "serviceprincipals-list.json",
    allowedExtra: CONTEXT_MISSING,
    run: (graph, sample) => {
      addObjects(graph.tenant, "servicePrincipals", sample.value);
      return graph.call("/v1.0/servicePrincipals");
    },
  },
  {
    sample: "approleassignedto-list.json",
    run: (graph, sample) => {
      addObjects(graph.tenant, "servicePrincipals", [
        {
          id: "7ea9e944-71ce-443d-811c-71e8047b557a",
          displayName: "Microsoft Graph",
          appId: "00000003-0000-0000-c000-000000000000",
        },
      ]);
      addObjects(graph.tenant, "appRoleAssignments", sample.value);
      return graph.call(
        "/v1.0/servicePrincipals/7ea9e944-71ce-443d-811c-71e8047b557a/appRoleAssignedTo",
      );
    },
  },
  {
    sample: "approleassignedto-post.json",
    expectedStatus: 201,
    run: async (graph) => {
      addObjects(graph.tenant, "servicePrincipals", [
        {
          id: "7ea9e944-71ce-443d-811c-71e8047b557a",
          displayName: "Microsoft Graph",
          appId: "00000003-0000-0000-c000-000000000000",
        },
        { id: "b0d9b9e3-0ecf-4bfd-8dab-9273dd055a94", displayName: "My application", appId: "y" },
      ]);
      return graph.call(
        "/v1.0/servicePrincipals/7ea9e944-71ce-443d-811c-71e8047b557a/appRoleAssignedTo",
        {
          method: "POST",
          token: await graph.token({ scopes: ["AppRoleAssignment.ReadWrite.All"] }),
          headers: { "Content-Type": "application/json" },
          body: JSON.stringify({
            principalId: "b0d9b9e3-0ecf-4bfd-8dab-9273dd055a94",
            resourceId: "7ea9e944-71ce-443d-811c-71e8047b557a",
            appRoleId: "df021288-bdef-4463-88db-98f22de89214",
          }),
        },
      );
    },
  },
  {
    sample: "oauth2permissiongrant-post.json",
    expectedStatus: 201,
    run: async (graph) =>
      graph.call("/v1.0/oauth2PermissionGrants", {
        method: "POST",
        token: await graph.token({ scopes: ["DelegatedPermissionGrant.ReadWrite.All"] }),
        headers: { "Content-Type": "application/json" },
        body: JSON.stringify({
          clientId: "b0d9b9e3-0ecf-4bfd-8dab-9273dd055a94",
          consentType: "Principal",
          resourceId: "7ea9e944-71ce-443d-811c-71e8047b557a",
          principalId: "3fbd929d-8c56-4462-851e-0eb9a7b3a2a5",
          scope: "User.Read.All Group.Read.All",
        }),
      }),
  },
  {
    sample: "oauth2permissiongrants-list.json",
    run: (graph, sample) => {
      addObjects(graph.tenant, "oauth2PermissionGrants", sample.value);
      return graph.call("/v1.0/oauth2PermissionGrants");
    },
  },
  {
    sample: "serviceprincipal-delete.json",
    // A status-only descriptor: the answer must be 204 with no body (compared as JSON null).
    expected: (sample) => ({ status: sample.response.status, body: sample.response.body }),
    run: async (graph, sample) => {
      const [servicePrincipal] = addObjects(graph.tenant, "servicePrincipals", [
        { appId: "a", displayName: "to delete" },
      ]);
      const response = await graph.call(`/v1.0/servicePrincipals/${servicePrincipal?.id}`, {
        method: "DELETE",
        token: await graph.token({ scopes: ["Application.ReadWrite.All"] }),
      });
      expect(response.status).toBe(sample.response.status);
      const text = await response.text();
      return json({ status: response.status, body: text === "" ? null : text });
    },
  },
  {
    sample: "authentication-methods-list.json",
    allowedExtra: CONTEXT_MISSING,
    run: (graph, sample) => {
      const [user] = addObjects(graph.tenant, "users", [{ displayName: "Jordan" }]);
      graph.tenant.authenticationMethods.set(String(user?.id), sample.value);
      return graph.call(`/v1.0/users/${user?.id}/authentication/methods`);
    },
  },
  {
    sample: "identitysecuritydefaultsenforcementpolicy-get.json",
    run: (graph) => graph.call("/v1.0/policies/identitySecurityDefaultsEnforcementPolicy"),
  },
  {
    sample: "conditionalaccess-policies-list.json",
    run: (graph, sample) => {
      addObjects(graph.tenant, "conditionalAccessPolicies", sample.value);
      return graph.call("/v1.0/identity/conditionalAccess/policies");
    },
  },
  {
    sample: "conditionalaccess-policy-get.json",
    run: (graph, sample) => {
      addObjects(graph.tenant, "conditionalAccessPolicies", [without(sample, "@odata.context")]);
      return graph.call(`/v1.0/identity/conditionalAccess/policies/${sample.id}`);
    },
  },
  {
    sample: "delegatedadmincustomers-list.json",
    run: (graph, sample) => {
      addObjects(graph.tenant, "delegatedAdminCustomers", sample.value);
      return graph.call("/v1.0/tenantRelationships/delegatedAdminCustomers");
    },
  },
  {
    sample: "delegatedadminrelationships-list.json",
    run: (graph, sample) => {
      addObjects(graph.tenant, "delegatedAdminRelationships", sample.value);
      return graph.call("/v1.0/tenantRelationships/delegatedAdminRelationships");
    },
  },
  {
    sample: "batch-request.json",
    skip: "a request body (the $batch request that batch-response.json answers), not a response",
    run: () => Promise.reject(new Error("skipped")),
  },
  {
    sample: "batch-request-dependson.json",
    skip: "a request body with '...' placeholder URLs, not a response",
    run: () => Promise.reject(new Error("skipped")),
  },
  {
    sample: "error-codes.json",
    skip: "a transcription of the errors page's reference tables, not a payload",
    run: () => Promise.reject(new Error("skipped")),
  },
  {
    sample: "batch-response.json",
    // Items 2 (Planner, another service) and 4 (a beta-only SSO action) are not part of this
    // emulator; items 1, 3 and 5 are sent as in batch-request.json. Item 1 carries $top=1, as
    // the doc's own nextLink shows the request had.
    expected: (sample) => ({
      responses: sample.responses.filter((item: { id: string }) =>
        ["1", "3", "5"].includes(item.id),
      ),
    }),
    run: async (graph) => {
      const [me] = addObjects(graph.tenant, "users", [
        { displayName: "Lynne Robbins", userPrincipalName: "LynneR@contoso.com", city: null },
      ]);
      const roles = addObjects(graph.tenant, "directoryRoles", [
        {
          deletedDateTime: null,
          description: "Can manage all aspects of users and groups.",
          displayName: "User Administrator",
          roleTemplateId: "fe930be7-5e62-47db-91af-98c3a49a38b1",
        },
        {
          deletedDateTime: null,
          description: "Can read basic directory information.",
          displayName: "Directory Readers",
          roleTemplateId: "88d8e3e3-8f55-4a1e-953a-9b9898b8876b",
        },
      ]);
      for (const role of roles) graph.tenant.directoryRoleMembers.set(role.id, [String(me?.id)]);
      addObjects(graph.tenant, "groups", [
        { id: "0e226165-c685-41ce-8bfc-df8360ab325d", displayName: "Sales" },
      ]);
      const { ALL_READ_SCOPES } = await import("../test-support/tokens");
      return graph.call("/v1.0/$batch", {
        method: "POST",
        token: await graph.token({ scopes: ALL_READ_SCOPES, userId: String(me?.id) }),
        headers: { "Content-Type": "application/json" },
        body: JSON.stringify({
          requests: [
            { id: "1", method: "GET", url: "/me/memberOf?$top=1" },
            { id: "3", method: "DELETE", url: "/groups/0e226165-c685-41ce-8bfc-df8360ab325d" },
            {
              id: "5",
              url: "users?$select=id,displayName,userPrincipalName&$filter=city eq null&$count=true",
              method: "GET",
              headers: { ConsistencyLevel: "eventual" },
            },
          ],
        }),
      });
    },
  },
  {
    sample: "throttling-429.json",
    expectedStatus: 429,
    run: async (graph) => {
      for (let index = 0; index < 5; index++) await graph.call("/v1.0/auditLogs/directoryAudits");
      return graph.call("/v1.0/auditLogs/directoryAudits");
    },
  },
  {
    sample: "error-response.json",
    expectedStatus: 400,
    allowedExtra: {
      names: ["client-request-id"],
      reason:
        "errors.md's generic example omits it; directory errors carry it (batch-response.json)",
    },
    run: (graph) => graph.call("/v1.0/users?$top=0"),
  },
  ...(["paging.json", "paging-older.json"] as const).map(
    (file): ConformanceCase => ({
      sample: file,
      allowedExtra: {
        names: ["@odata.context", "value"],
        reason: "the doc shows only the @odata.nextLink fragment of the page (SOURCES.md)",
      },
      run: (graph) => {
        addObjects(
          graph.tenant,
          "users",
          Array.from({ length: 6 }, (_, index) => ({ displayName: `User ${index}` })),
        );
        return graph.call("/v1.0/users?$top=5");
      },
    }),
  ),
];
