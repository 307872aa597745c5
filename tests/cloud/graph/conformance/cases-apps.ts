import { expect } from "vitest";
import { addObjects } from "../test-support/tenant-builder";
import { CONTEXT_MISSING, type ConformanceCase, json, without } from "./case";

/** Conformance cases: service principals, consent grants, authentication methods and policies. */
export const APP_AND_POLICY_CASES: ConformanceCase[] = [
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
];
