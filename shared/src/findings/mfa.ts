import type { MfaStatus, UserRow } from "../datasets/users";
import { failed, joinReasons, notEvaluated, passed } from "./results";
import type { Evidence, FindingResult } from "./types";

const MFA_SOURCE_LABELS: Record<MfaStatus["source"], string> = {
  registrationDetails: "registration report",
  authenticationMethods: "authentication methods",
  none: "no source",
};

/** "MFA: No (registration report)", so the evidence always carries where the answer came from. */
export function describeMfa(mfa: MfaStatus): string {
  const answer = { yes: "Yes", no: "No", unknown: "Unknown" }[mfa.state];
  return `MFA: ${answer} (${MFA_SOURCE_LABELS[mfa.source]})`;
}

/**
 * Judges a population on MFA registration: users known to lack MFA fail the finding; if none is
 * known to lack it but some are unknown (no Entra ID P1 and no method list), the finding is not
 * evaluated — an unknown is never counted as a pass.
 */
export function judgeMfaPopulation(
  findingId: string,
  population: readonly { user: UserRow; evidence: (detail: string) => Evidence }[],
  caveat: string | undefined,
): FindingResult {
  const missing = population.filter(({ user }) => user.mfa.state === "no");
  const unknown = population.filter(({ user }) => user.mfa.state === "unknown");
  const unknownNote =
    unknown.length > 0
      ? `MFA status unknown for ${unknown.length} of ${population.length} (needs Entra ID P1 or the authentication methods of each user)`
      : undefined;
  if (missing.length > 0) {
    const evidence = missing.map(({ user, evidence }) => evidence(describeMfa(user.mfa)));
    return failed(findingId, evidence, joinReasons(unknownNote, caveat));
  }
  if (unknownNote !== undefined) return notEvaluated(findingId, unknownNote);
  return passed(findingId, caveat);
}
