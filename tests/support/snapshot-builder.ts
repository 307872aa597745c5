/**
 * Generated tenants as row-level snapshots, for golden tests, relay tests and benchmarks.
 *
 *   buildTestSnapshot({ seed: 7, users: 200 })                      a clean, well-run tenant
 *   buildTestSnapshot({ seed: 7, plant: "all" })                    every catalogued problem
 *   buildTestSnapshot({ entraIdP1: false, plant: ["security-defaults-off"] })
 *
 * The same options always give the same snapshot (seeded; `now` fixed unless given). The result
 * is built by the shared `buildSnapshot`, so it is validated with `snapshotEnvelopeSchema` and
 * carries real content hashes.
 */
import { DATASET_IDS, type DatasetId } from "../../shared/src/datasets";
import { buildSnapshot, type CollectedDataset } from "../../shared/src/snapshot/build";
import type { SnapshotEnvelope } from "../../shared/src/snapshot/envelope";
import { licenceRows, roleRows, secureScoreRow, userRows } from "./snapshot-builder/assemble";
import {
  addAdminsAndGuests,
  addAuditEvents,
  addDevices,
  addGroups,
  addStaff,
  planSecureScore,
} from "./snapshot-builder/base-tenant";
import type { TenantDraft } from "./snapshot-builder/draft";
import { personFactory } from "./snapshot-builder/names";
import { type PlantableProblem, PROBLEM_PLANTERS } from "./snapshot-builder/plant-problems";
import { seededRandom } from "./snapshot-builder/random";

export type { PlantableProblem } from "./snapshot-builder/plant-problems";

/** Every problem the builder can plant: one per finding id in the findings catalogue. */
export const PLANTABLE_PROBLEMS = Object.keys(PROBLEM_PLANTERS) as PlantableProblem[];

export const DEFAULT_TEST_NOW = "2026-11-26T12:00:00.000Z";

export interface TestSnapshotOptions {
  seed?: number;
  /** The capture instant; sign-ins, creation dates and audit times are measured back from it. */
  now?: string;
  tenantDisplayName?: string;
  /** Ordinary staff; admins, guests and planted accounts come on top. Default 25. */
  users?: number;
  /** Default 20. */
  devices?: number;
  /** Default 8. */
  groups?: number;
  /** Routine (successful) audit events in the last 7 days. Default 30. */
  auditEvents?: number;
  /** Default true. Without it MFA comes from methods or is unknown, and sign-ins are unavailable. */
  entraIdP1?: boolean;
  /** Without P1: whether each user's authentication methods were collected. Default false. */
  authenticationMethodsCollected?: boolean;
  /** Default true. Without it every device is unmanaged and computers is partial. */
  intune?: boolean;
  /** Default: on without P1 (Microsoft's default for new tenants), off with P1 (CA instead). */
  securityDefaultsEnabled?: boolean;
  /** Default 2 (admin and breakglass). */
  globalAdmins?: number;
  /** Problems to plant, by finding id, or "all". Default none. */
  plant?: readonly PlantableProblem[] | "all";
  /** Datasets to include; the others are "not collected". Default all seven. */
  datasets?: readonly DatasetId[];
}

function slug(name: string): string {
  return name.toLowerCase().replace(/[^a-z0-9]+/g, "") || "tenant";
}

export function buildTestSnapshot(options: TestSnapshotOptions = {}): SnapshotEnvelope {
  const random = seededRandom(options.seed ?? 1);
  const entraIdP1 = options.entraIdP1 ?? true;
  const tenantName = options.tenantDisplayName ?? "Contoso";
  const draft: TenantDraft = {
    random,
    now: new Date(options.now ?? DEFAULT_TEST_NOW),
    profile: {
      entraIdP1,
      authenticationMethodsCollected: options.authenticationMethodsCollected ?? false,
      intune: options.intune ?? true,
      securityDefaultsEnabled: options.securityDefaultsEnabled ?? !entraIdP1,
    },
    tenantId: random.guid(),
    tenantName,
    domain: `${slug(tenantName)}.example`,
    newPerson: personFactory(random),
    staff: [],
    users: [],
    roleMembers: new Map(),
    mainSku: entraIdP1
      ? {
          skuId: "cbdc14ab-d96c-4c30-b9f4-6ada7cdc1d46",
          skuPartNumber: "SPB",
          friendlyName: "Microsoft 365 Business Premium",
          spare: 2,
        }
      : {
          skuId: "f245ecc8-75af-4f8e-b61f-27d8114de5f3",
          skuPartNumber: "O365_BUSINESS_PREMIUM",
          friendlyName: "Microsoft 365 Business Standard",
          spare: 2,
        },
    extraLicences: [],
    computers: [],
    groups: [],
    auditLogs: [],
    score: { maxScore: 0, ratio: 0, recentDrop: 0, improvementActions: [] },
  };

  addStaff(draft, options.users ?? 25);
  addAdminsAndGuests(draft, options.globalAdmins ?? 2);
  addDevices(draft, options.devices ?? 20);
  addGroups(draft, options.groups ?? 8);
  addAuditEvents(draft, options.auditEvents ?? 30);
  planSecureScore(draft);
  const planted = options.plant === "all" ? PLANTABLE_PROBLEMS : (options.plant ?? []);
  for (const problem of PLANTABLE_PROBLEMS) {
    if (planted.includes(problem)) PROBLEM_PLANTERS[problem](draft);
  }

  const collectedAt = draft.now.toISOString();
  const complete = { state: "complete" } as const;
  const all: { [D in DatasetId]: CollectedDataset<D> } = {
    users: { status: complete, collectedAt, rows: userRows(draft) },
    computers: {
      status: draft.profile.intune
        ? complete
        : {
            state: "partial",
            reasonCode: "IntuneRequestNotApplicable",
            detail: "Request not applicable to target tenant.",
          },
      collectedAt,
      rows: draft.computers,
    },
    groups: { status: complete, collectedAt, rows: draft.groups },
    licences: { status: complete, collectedAt, rows: licenceRows(draft) },
    roles: { status: complete, collectedAt, rows: roleRows(draft) },
    auditLogs: {
      status: complete,
      collectedAt,
      rows: [...draft.auditLogs].sort((a, b) =>
        b.activityDateTime.localeCompare(a.activityDateTime),
      ),
    },
    secureScore: { status: complete, collectedAt, rows: [secureScoreRow(draft)] },
  };
  const wanted = new Set(options.datasets ?? DATASET_IDS);
  const datasets: { [D in DatasetId]?: CollectedDataset<D> } = {};
  for (const id of DATASET_IDS) {
    // Each entry keeps its own dataset's type; the loop variable cannot express that.
    if (wanted.has(id)) (datasets as Record<DatasetId, unknown>)[id] = all[id];
  }
  return buildSnapshot({
    snapshotId: random.guid(),
    tenantId: draft.tenantId,
    tenantDisplayName: tenantName,
    companyId: null,
    capturedAt: collectedAt,
    capturedBy: "snapshot-builder",
    datasets,
  });
}
