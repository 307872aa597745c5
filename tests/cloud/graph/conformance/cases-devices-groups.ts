import { addObjects } from "../test-support/tenant-builder";
import {
  CONTEXT_MISSING,
  type ConformanceCase,
  deltaPages,
  json,
  local,
  seedDeltaGroups,
  without,
} from "./case";

/** Conformance cases: devices, Intune managed devices, groups and groups delta. */
export const DEVICE_AND_GROUP_CASES: ConformanceCase[] = [
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
];
