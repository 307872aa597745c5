import { z } from "zod";
import { optionalBoolean, optionalNumber, optionalString, requiredDateTime } from "./fields";

/** A `security/secureScores` item: one per tenant per day. */
export const graphSecureScoreSchema = z.looseObject({
  /** "{tenantId}_{yyyy-MM-dd}". */
  id: z.string(),
  createdDateTime: requiredDateTime,
  currentScore: z.number(),
  maxScore: z.number(),
  averageComparativeScores: z
    .array(z.looseObject({ basis: z.string(), averageScore: z.number() }))
    .nullish(),
  controlScores: z
    .array(
      z.looseObject({
        controlName: z.string(),
        controlCategory: optionalString,
        score: z.number(),
        description: optionalString,
      }),
    )
    .nullish(),
});
export type GraphSecureScore = z.input<typeof graphSecureScoreSchema>;

/** A `security/secureScoreControlProfiles` item: the improvement action behind a control. */
export const graphSecureScoreControlProfileSchema = z.looseObject({
  /** Equals the `controlName` of the matching control score. */
  id: z.string(),
  title: z.string(),
  controlCategory: optionalString,
  remediation: optionalString,
  userImpact: optionalString,
  implementationCost: optionalString,
  rank: optionalNumber,
  maxScore: optionalNumber,
  deprecated: optionalBoolean,
  service: optionalString,
});
export type GraphSecureScoreControlProfile = z.input<typeof graphSecureScoreControlProfileSchema>;
