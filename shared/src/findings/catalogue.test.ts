/**
 * House rules for the catalogue: every rule file is registered and documented, ids and references
 * are well formed, and computeFindings keeps its promises (one result per finding, reasons on
 * notEvaluated, a failing rule cannot take the report down).
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { DATASET_IDS } from "../datasets";
import { NOW, snapshotOf, user } from "./__fixtures__/rows";
import { FINDINGS } from "./catalogue";
import { catalogueTableRow } from "./catalogue-row";
import { computeFindings } from "./compute";
import { inactiveUsers } from "./rules/inactive-users";
import { DEFAULT_THRESHOLDS } from "./thresholds";
import type { Finding } from "./types";

const RULES_DIR = join(import.meta.dirname, "rules");
const ruleFiles = readdirSync(RULES_DIR).filter(
  (f) => f.endsWith(".ts") && !f.endsWith(".test.ts"),
);
const ruleTests = readdirSync(RULES_DIR)
  .filter((f) => f.endsWith(".test.ts"))
  .map((f) => readFileSync(join(RULES_DIR, f), "utf8"))
  .join("\n");
const docs = readFileSync(join(import.meta.dirname, "../../../docs/findings.md"), "utf8");

describe("the findings catalogue", () => {
  it("holds at least 25 findings with unique ids", () => {
    const ids = FINDINGS.map((f) => f.id);
    expect(ids.length).toBeGreaterThanOrEqual(25);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it("registers every rule file, each named after its finding's id", async () => {
    const fromFiles: string[] = [];
    for (const file of ruleFiles) {
      const name = file.replace(/\.ts$/, "");
      const exports = (await import(`./rules/${name}.ts`)) as Record<string, Finding>;
      const [finding, ...others] = Object.values(exports);
      expect(others, `${file} exports one finding`).toEqual([]);
      expect(finding?.id, file).toBe(name);
      expect(FINDINGS, `${file} is registered in catalogue.ts`).toContain(finding);
      fromFiles.push(file);
    }
    expect(fromFiles.length).toBe(FINDINGS.length);
  });

  it.each(FINDINGS.map((f) => [f.id, f] as const))(
    "documents %s in docs/findings.md with its current title, severity and references",
    (_id, finding) => {
      expect(docs).toContain(catalogueTableRow(finding));
    },
  );

  it.each(FINDINGS.map((f) => [f.id, f] as const))("has tests for %s next to the rules", (id) => {
    expect(ruleTests).toContain(`describe("${id}"`);
  });

  it.each(FINDINGS.map((f) => [f.id, f] as const))(
    "gives %s well-formed references, text and data needs",
    (_id, finding) => {
      expect(finding.id).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
      expect(finding.whyItMatters.length).toBeGreaterThan(40);
      expect(finding.howToFix.length).toBeGreaterThan(40);
      for (const id of finding.references.cis ?? []) expect(id).toMatch(/^\d+(\.\d+){1,3}$/);
      for (const id of finding.references.scuba ?? [])
        expect(id).toMatch(/^MS\.AAD\.\d+\.\d+v\d+$/);
      for (const id of finding.references.maester ?? []) expect(id).toMatch(/^MT\.\d{4}$/);
      expect(finding.requires.length).toBeGreaterThan(0);
      for (const dataset of finding.requires) expect(DATASET_IDS).toContain(dataset);
    },
  );

  it("uses every threshold in at least one finding, so none is dead configuration", () => {
    const used = new Set(FINDINGS.flatMap((f) => f.thresholds ?? []));
    expect([...used].sort()).toEqual(Object.keys(DEFAULT_THRESHOLDS).sort());
  });
});

describe("computeFindings", () => {
  it("answers every finding once, in catalogue order, with a reason whenever not evaluated", () => {
    const results = computeFindings(snapshotOf({}));
    expect(results.map((r) => r.findingId)).toEqual(FINDINGS.map((f) => f.id));
    for (const result of results) {
      expect(result.status).toBe("notEvaluated");
      expect(result.reason).toMatch(/^dataset \w+ not collected$/);
    }
  });

  it("measures time from the snapshot's capture by default, not from the clock", () => {
    const old = { ...snapshotOf({ users: [user("a", { lastSignIn: "2019-12-01T00:00:00Z" })] }) };
    const captured2020 = { ...old, capturedAt: "2020-01-01T00:00:00Z" };
    const [result] = computeFindings(captured2020, { findings: [inactiveUsers] });
    expect(result?.status).toBe("pass");
    const [later] = computeFindings(captured2020, { findings: [inactiveUsers], now: NOW });
    expect(later?.status).toBe("fail");
  });

  it("merges threshold overrides with the defaults", () => {
    const snapshot = snapshotOf({ users: [user("a", { lastSignIn: "2026-10-01T00:00:00Z" })] });
    const [strict] = computeFindings(snapshot, {
      findings: [inactiveUsers],
      thresholds: { inactiveDays: 30 },
    });
    expect(strict?.status).toBe("fail");
    expect(computeFindings(snapshot, { findings: [inactiveUsers] })[0]?.status).toBe("pass");
  });

  it("reports a finding that throws as not evaluated and still evaluates the others", () => {
    const broken: Finding = {
      ...inactiveUsers,
      id: "broken",
      evaluate() {
        throw new TypeError("rows.map is not a function");
      },
    };
    const results = computeFindings(snapshotOf({ users: [user("a")] }), {
      findings: [broken, inactiveUsers],
    });
    expect(results).toEqual([
      {
        findingId: "broken",
        status: "notEvaluated",
        evidence: [],
        reason: "finding failed on this snapshot: rows.map is not a function",
      },
      { findingId: "inactive-users", status: "pass", evidence: [] },
    ]);
  });
});
