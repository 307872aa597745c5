/**
 * Measures the Graph emulator serving a 100,000-user tenant page by page (in-process, throttling
 * off): `npx tsx tests/cloud/graph/bench/page-walk.ts [users]`. Prints one JSON line.
 */
import { performance } from "node:perf_hooks";
import { setThrottling } from "../admin";
import { createGraphHarness } from "../test-support/graph-harness";
import { addGeneratedUsers } from "../test-support/tenant-builder";

async function walk(
  call: (path: string) => Promise<Response>,
  start: string,
): Promise<{ pages: number; ms: number }> {
  const began = performance.now();
  let pages = 0;
  let next: string | undefined = start;
  while (next) {
    const page = (await (await call(next)).json()) as { "@odata.nextLink"?: string };
    pages++;
    next = page["@odata.nextLink"]?.replace("https://graph.microsoft.com", "");
  }
  return { pages, ms: performance.now() - began };
}

const users = Number(process.argv[2] ?? 100_000);
const graph = await createGraphHarness();
setThrottling(graph.ctx, false);
addGeneratedUsers(graph.tenant, users);
const select = await walk(
  graph.call,
  "/v1.0/users?$top=999&$select=id,displayName,userPrincipalName,accountEnabled",
);
const filtered = await walk(
  graph.call,
  "/v1.0/users?$top=999&$select=id,displayName&$filter=userType eq 'Guest'",
);
console.log(
  JSON.stringify({
    users,
    selectWalk: {
      pages: select.pages,
      totalMs: Math.round(select.ms),
      msPerPage: +(select.ms / select.pages).toFixed(2),
    },
    guestFilterWalk: {
      pages: filtered.pages,
      totalMs: Math.round(filtered.ms),
      msPerPage: +(filtered.ms / filtered.pages).toFixed(2),
    },
  }),
);
