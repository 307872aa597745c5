import { describe, expect, it } from "vitest";
import { readGraphSampleItems } from "../../../../tests/support/graph-samples";
import type { GraphSecureScore, GraphSecureScoreControlProfile } from "../../graph-types";
import { type SecureScoreRow, secureScoreRowSchema } from "../secure-score";
import { mapSecureScoreRows, type SecureScoreInput } from "./map-secure-score-rows";

function secureScore(input: SecureScoreInput): SecureScoreRow[] {
  const rows = mapSecureScoreRows(input);
  expect(secureScoreRowSchema.array().parse(rows)).toEqual(rows);
  return rows;
}

const scoresSample = readGraphSampleItems<GraphSecureScore>("securescores-list");
const profilesSample = readGraphSampleItems<GraphSecureScoreControlProfile>(
  "securescorecontrolprofiles-list",
);

describe("secure score from the published Graph samples", () => {
  it("maps securescores-list and securescorecontrolprofiles-list without losing a column", () => {
    const [row] = secureScore({ secureScores: scoresSample, controlProfiles: profilesSample });
    expect(row).toEqual({
      id: "00000001-0001-0001-0001-000000000001c_2019-03-19",
      createdDateTime: "2019-03-19T15:21:00Z",
      currentScore: 387,
      maxScore: 697,
      percentage: 55.5,
      comparisons: [
        { basis: "AllTenants", averageScore: 37 },
        { basis: "TotalSeats", averageScore: 46 },
        { basis: "IndustryTypes", averageScore: 109 },
      ],
      controlScores: [
        {
          controlName: "AdminMFA",
          controlCategory: "Identity",
          score: 35,
          // No control profile for AdminMFA in the sample, so no maximum is known.
          maxScore: null,
          description:
            "Requiring multi-factor authentication (MFA) for all Azure Active Directory accounts with privileged roles",
        },
        {
          controlName: "DLPEnabled",
          controlCategory: "Data",
          score: 20,
          maxScore: 20,
          description:
            "Data Loss Prevention (DLP) policies can be used to comply with business standards and industry regulations.",
        },
      ],
      improvementActions: [
        {
          controlName: "DLPEnabled",
          title: "Apply Data Loss Prevention policies",
          remediation:
            "You can create and manage data loss prevention policies in the Policies page of the compliance portal.",
          userImpact: "Moderate",
          implementationCost: "Moderate",
          rank: 55,
          maxScore: 20,
          currentScore: 20,
          service: "IP",
          complete: true,
          deprecated: false,
        },
      ],
      history: [{ date: "2019-03-19", currentScore: 387, maxScore: 697 }],
    });
  });

  it("maps securescorecontrolprofiles-list on its own as nothing: a profile without a score is no report", () => {
    expect(secureScore({ secureScores: [], controlProfiles: profilesSample })).toEqual([]);
  });
});

describe("secure score history and actions", () => {
  const day = (date: string, currentScore: number, time = "12:00:00"): GraphSecureScore => ({
    id: `tenant_${date}`,
    createdDateTime: `${date}T${time}Z`,
    currentScore,
    maxScore: 100,
  });

  it("takes the newest score as current whatever order Graph returns them in", () => {
    const [row] = secureScore({
      secureScores: [day("2026-03-01", 40), day("2026-03-03", 42), day("2026-03-02", 41)],
      controlProfiles: [],
    });
    expect(row).toMatchObject({ id: "tenant_2026-03-03", currentScore: 42, percentage: 42 });
  });

  it("keeps one point per day, the day's last, for the 90 days up to the latest score", () => {
    const [row] = secureScore({
      secureScores: [
        day("2026-03-31", 50),
        day("2026-03-30", 44, "23:00:00"),
        day("2026-03-30", 43, "01:00:00"),
        day("2026-01-01", 30), // day 90 counting back from 31 March
        day("2025-12-31", 29), // day 91: outside the window
      ],
      controlProfiles: [],
    });
    expect(row?.history).toEqual([
      { date: "2026-01-01", currentScore: 30, maxScore: 100 },
      { date: "2026-03-30", currentScore: 44, maxScore: 100 },
      { date: "2026-03-31", currentScore: 50, maxScore: 100 },
    ]);
  });

  it("leaves deprecated controls out of the actions, orders them by rank, and marks those at their maximum complete", () => {
    const profile = (
      id: string,
      rank: number,
      maxScore: number,
      deprecated = false,
    ): GraphSecureScoreControlProfile => ({
      id,
      title: `Do ${id}`,
      rank,
      maxScore,
      deprecated,
    });
    const [row] = secureScore({
      secureScores: [
        {
          ...day("2026-03-01", 10),
          controlScores: [
            { controlName: "Half", score: 5 },
            { controlName: "Full", score: 10 },
          ],
        },
      ],
      controlProfiles: [
        profile("Full", 3, 10),
        profile("Old", 1, 10, true),
        profile("Half", 2, 10),
        profile("Untouched", 4, 5),
      ],
    });
    expect(
      row?.improvementActions.map(({ controlName, currentScore, complete }) => ({
        controlName,
        currentScore,
        complete,
      })),
    ).toEqual([
      { controlName: "Half", currentScore: 5, complete: false },
      { controlName: "Full", currentScore: 10, complete: true },
      { controlName: "Untouched", currentScore: null, complete: false },
    ]);
  });

  it("names the score and field when Graph sends a value of the wrong type", () => {
    expect(() =>
      mapSecureScoreRows({
        secureScores: [
          { ...day("2026-03-01", 1), currentScore: "1" } as unknown as GraphSecureScore,
        ],
        controlProfiles: [],
      }),
    ).toThrow(
      expect.objectContaining({
        entity: "secureScore",
        objectId: "tenant_2026-03-01",
        field: "currentScore",
      }),
    );
  });

  it("names createdDateTime when it is not a date-time, instead of failing in date maths", () => {
    // Found by the hostile-input property test: an empty createdDateTime used to throw RangeError.
    expect(() =>
      mapSecureScoreRows({
        secureScores: [{ ...day("2026-03-01", 1), createdDateTime: "" }],
        controlProfiles: [],
      }),
    ).toThrow(
      expect.objectContaining({
        entity: "secureScore",
        objectId: "tenant_2026-03-01",
        field: "createdDateTime",
      }),
    );
  });

  it("gives a finite percentage when the max score is vanishingly small", () => {
    // Found by the hostile-input property test: 1e-18 / 5e-324 overflowed to Infinity.
    const [row] = mapSecureScoreRows({
      secureScores: [{ ...day("2026-03-01", 1), currentScore: 1e-18, maxScore: 5e-324 }],
      controlProfiles: [],
    });
    expect(row?.percentage).toBe(0);
    expect(secureScoreRowSchema.safeParse(row).success).toBe(true);
  });
});
