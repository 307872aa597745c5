import { beforeAll, describe, expect, it } from "vitest";
import { type CloudContext, createCloudContext } from "../context";
import { CASES } from "./conformance/cases";
import { readSample, sampleFiles } from "./conformance/samples";
import { shapeDifferences } from "./conformance/shape";
import { createGraphHarness } from "./test-support/graph-harness";

/**
 * Acceptance A4 (Graph half): for every payload in ../shared/graph/samples/, the emulator,
 * seeded with the sample's objects and sent the same request, answers with the same property
 * names and JSON types. Where they disagree the sample wins.
 */
describe("Graph conformance with Microsoft's published samples", () => {
  // One context (one signing key) for all cases; each case gets its own tenant.
  let shared: CloudContext;
  beforeAll(async () => {
    shared = await createCloudContext({ scenario: "empty" });
  });

  it("has a case for every sample file", () => {
    expect(CASES.map((testCase) => testCase.sample).sort()).toEqual(sampleFiles());
  });

  for (const testCase of CASES) {
    if (testCase.skip) {
      it.skip(`${testCase.sample}: ${testCase.skip}`, () => {});
      continue;
    }
    it(`answers like ${testCase.sample}`, async () => {
      const sample = readSample(testCase.sample);
      const graph = await createGraphHarness(testCase.tenant ?? {}, testCase.startMs, shared);
      const response = await testCase.run(graph, sample);
      expect(response.status).toBe(testCase.expectedStatus ?? 200);
      const expected = testCase.expected ? testCase.expected(sample) : sample;
      const differences = shapeDifferences(
        expected,
        await response.json(),
        new Set(testCase.allowedExtra?.names ?? []),
      );
      expect(differences).toEqual([]);
    });
  }
});
