import { addObjects } from "../test-support/tenant-builder";
import type { ConformanceCase } from "./case";

/** Conformance cases: files that are not responses (skipped, with the reason), $batch, throttling, errors and paging fragments. */
export const ENVELOPE_CASES: ConformanceCase[] = [
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
