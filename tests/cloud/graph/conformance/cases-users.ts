import { putObject, removeObject } from "../../tenants/model";
import { addObjects } from "../test-support/tenant-builder";
import { CONTEXT_MISSING, type ConformanceCase, deltaPages, json, local } from "./case";

/** Conformance cases: users, one user, and users delta. */
export const USER_CASES: ConformanceCase[] = [
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
];
