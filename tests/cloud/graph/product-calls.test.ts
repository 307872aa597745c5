import { describe, expect, it } from "vitest";
import { GRAPH_CALLS } from "../../../shared/src/permissions/graph-calls";
import { createGraphHarness } from "./test-support/graph-harness";
import { addGeneratedUsers, addObjects } from "./test-support/tenant-builder";

/**
 * The product's own catalogue of Graph calls (shared/src/permissions/graph-calls.ts) against the
 * emulator's permission table: a token with exactly the scopes the product requests for a call is
 * let through, and one without them is refused. If either side drifts from Microsoft's tables,
 * this fails.
 */
describe("the product's Graph calls and their scopes", () => {
  for (const [name, call] of Object.entries(GRAPH_CALLS)) {
    it(`${name}: ${call.method} ${call.path} works with exactly [${call.scopes.join(", ")}] and not without them`, async () => {
      const graph = await createGraphHarness({ licensing: { entraIdP1: true, intune: true } });
      const [user] = addGeneratedUsers(graph.tenant, 1);
      const [group] = addObjects(graph.tenant, "groups", [{ displayName: "g" }]);
      const [servicePrincipal] = addObjects(graph.tenant, "servicePrincipals", [
        { appId: "a1", displayName: "sp" },
      ]);
      const path = `/v1.0${call.path}`
        .replace("/users/{id}", `/users/${user?.id}`)
        .replace("/groups/{id}", `/groups/${group?.id}`)
        .replace("/servicePrincipals/{id}", `/servicePrincipals/${servicePrincipal?.id}`)
        .replace("{appId}", "a1")
        .replace("{servicePrincipalId}", String(servicePrincipal?.id));
      expect(path).not.toMatch(/\{\w+\}/);
      const send = async (scopes: readonly string[]) =>
        graph.call(path, {
          method: call.method,
          token: await graph.token({ scopes: [...scopes], userId: String(user?.id) }),
        });
      const allowed = await send(call.scopes);
      expect(allowed.status, await allowed.clone().text()).toBeLessThan(300);
      const refused = await send(["openid", "profile"]);
      expect(refused.status).toBe(403);
    });
  }
});
