import { describe, expect, it } from "vitest";
import { createGraphHarness } from "./test-support/graph-harness";
import { addObjects } from "./test-support/tenant-builder";

const DAY_MS = 24 * 60 * 60 * 1000;

describe("secure score", () => {
  it("answers the newest daily scores first, 90 days at most, and $top=1 is today's", async () => {
    const graph = await createGraphHarness();
    const now = graph.ctx.state.clock.now();
    addObjects(
      graph.tenant,
      "secureScores",
      [3, 0, 95, 1, 89].map((daysAgo) => ({
        id: `${graph.tenant.id}_${daysAgo}`,
        createdDateTime: new Date(now - daysAgo * DAY_MS).toISOString(),
        currentScore: 100 - daysAgo,
      })),
    );
    const all = (await (await graph.call("/v1.0/security/secureScores")).json()) as {
      value: { currentScore: number }[];
    };
    expect(all.value.map((score) => score.currentScore)).toEqual([100, 99, 97, 11]);
    const today = (await (await graph.call("/v1.0/security/secureScores?$top=1")).json()) as Record<
      string,
      unknown
    > & {
      value: { currentScore: number }[];
    };
    expect(today.value.map((score) => score.currentScore)).toEqual([100]);
    expect(today).not.toHaveProperty("@odata.nextLink");
  });
});
