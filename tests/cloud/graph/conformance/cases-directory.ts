import { setMembers } from "../membership";
import { addObjects } from "../test-support/tenant-builder";
import { CONTEXT_MISSING, type ConformanceCase, deltaPages, json, local, without } from "./case";

/** Conformance cases: licences, roles, reports, security, contracts and the organization. */
export const DIRECTORY_CASES: ConformanceCase[] = [
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
];
