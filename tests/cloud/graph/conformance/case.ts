import type { GraphHarness } from "../test-support/graph-harness";
import type { TestTenantOptions } from "../test-support/tenant-builder";
import { addObjects } from "../test-support/tenant-builder";

// biome-ignore lint/suspicious/noExplicitAny: samples are arbitrary JSON read from disk; each case knows its own sample's shape.
export type Sample = any;

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

export const without = (object: Record<string, unknown>, ...keys: string[]) =>
  Object.fromEntries(Object.entries(object).filter(([key]) => !keys.includes(key)));

export const local = (link: string) => link.replace("https://graph.microsoft.com", "");

export const CONTEXT_MISSING = {
  names: ["@odata.context"],
  reason: "the doc sample omits @odata.context, which the service sends (SOURCES.md)",
};

export async function deltaPages(
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

export const json = (body: unknown) =>
  new Response(JSON.stringify(body), { headers: { "Content-Type": "application/json" } });

/** The groups of the three groups-delta samples, with their members, seeded in order. */
export async function seedDeltaGroups(graph: GraphHarness, samples: Sample[]): Promise<void> {
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
