import { z } from "zod";

export const controlScoreSchema = z.object({
  controlName: z.string(),
  controlCategory: z.string().nullable(),
  score: z.number(),
  /** From the matching control profile; null when no profile was found. */
  maxScore: z.number().nullable(),
  description: z.string().nullable(),
});

export const improvementActionSchema = z.object({
  controlName: z.string(),
  title: z.string(),
  remediation: z.string().nullable(),
  userImpact: z.string().nullable(),
  implementationCost: z.string().nullable(),
  rank: z.number().nullable(),
  maxScore: z.number().nullable(),
  currentScore: z.number().nullable(),
  service: z.string().nullable(),
  /** True when the control already scores its maximum: the to-do list hides these. */
  complete: z.boolean(),
  deprecated: z.boolean(),
});

export const scoreHistoryPointSchema = z.object({
  date: z.string(),
  currentScore: z.number(),
  maxScore: z.number(),
});

/**
 * Secure Score is one row per tenant (the latest score) with nested controls, actions and history,
 * rather than a flat table: it is read as a dashboard, and exported as its own CSVs.
 */
export const secureScoreRowSchema = z.object({
  /** Id of the latest `secureScore` object. */
  id: z.string(),
  createdDateTime: z.string(),
  currentScore: z.number(),
  maxScore: z.number(),
  percentage: z.number(),
  /** e.g. { basis: "AllTenants", averageScore: 41.2 }, { basis: "TotalSeats", ... }. */
  comparisons: z.array(z.object({ basis: z.string(), averageScore: z.number() })),
  controlScores: z.array(controlScoreSchema),
  improvementActions: z.array(improvementActionSchema),
  history: z.array(scoreHistoryPointSchema),
});
export type SecureScoreRow = z.infer<typeof secureScoreRowSchema>;
