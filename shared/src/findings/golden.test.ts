/**
 * Golden tests: the full findings result for a few generated tenants, compared with committed
 * files in __golden__/. A change in a finding's logic, wording or evidence shows up as a diff there.
 *
 * After an intended change, regenerate and review the diff before committing:
 *   npx vitest run shared/src/findings/golden.test.ts --update
 */
import { describe, expect, it } from "vitest";
import {
  buildTestSnapshot,
  type TestSnapshotOptions,
} from "../../../tests/support/snapshot-builder";
import { computeFindings } from "./compute";

const GOLDEN_TENANTS: Record<string, TestSnapshotOptions> = {
  /** A small, well-run tenant with Entra ID P1 and Intune. */
  clean: { seed: 101, users: 12, devices: 8, groups: 4, auditEvents: 10 },
  /** The same size with every catalogued problem planted. */
  messy: { seed: 102, users: 15, devices: 10, groups: 4, auditEvents: 10, plant: "all" },
  /** No P1 (MFA unknown, no sign-ins), security defaults off, every problem planted. */
  "no-p1": {
    seed: 103,
    users: 10,
    devices: 6,
    groups: 3,
    auditEvents: 6,
    entraIdP1: false,
    plant: "all",
  },
  /** No P1 but each user's methods collected; no Intune. */
  "no-p1-methods-no-intune": {
    seed: 104,
    users: 10,
    devices: 6,
    groups: 3,
    auditEvents: 6,
    entraIdP1: false,
    authenticationMethodsCollected: true,
    intune: false,
    plant: "all",
  },
};

describe("findings on generated tenants (golden files)", () => {
  it.each(Object.entries(GOLDEN_TENANTS))("matches __golden__/%s.json", async (name, options) => {
    const results = computeFindings(buildTestSnapshot(options));
    await expect(`${JSON.stringify(results, null, 2)}\n`).toMatchFileSnapshot(
      `./__golden__/${name}.json`,
    );
  });
});
