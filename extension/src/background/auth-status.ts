import {
  afterRenewalDue,
  afterSignIn,
  afterSignInRequired,
  afterSilentAttemptStarted,
  afterTokenIssued,
} from "../auth/auth-status-transitions";
import type { SignInResult, TokenSummary } from "../auth/summaries";
import type { SignInMode } from "../messages";
import { type AuthStatus, authStatusItem, readItem, writeItem } from "../state";
import { scheduleTokenHealthCheck } from "./token-health-alarm";

/**
 * The service worker's writes to the auth status item, which the popup and side panel observe.
 * Each applies one pure transition (`auth/auth-status-transitions.ts`) and re-aims the health
 * alarm at the new facts.
 */
async function updateAuthStatus(transition: (status: AuthStatus) => AuthStatus): Promise<void> {
  const previous = await readItem(authStatusItem);
  const next = transition(previous);
  if (next === previous) return;
  await writeItem(authStatusItem, next);
  await scheduleTokenHealthCheck(next);
}

export function recordSignedIn(result: SignInResult, mode: SignInMode): Promise<void> {
  const facts = {
    account: { username: result.account.username, homeTenantId: result.account.homeTenantId },
    issuedAtMs: result.issuedAt === null ? null : Date.parse(result.issuedAt),
    mode,
  };
  return updateAuthStatus((status) => afterSignIn(status, facts, Date.now()));
}

export function recordSilentAttemptStarted(): Promise<void> {
  return updateAuthStatus((status) => afterSilentAttemptStarted(status, Date.now()));
}

export function recordRenewalDue(): Promise<void> {
  return updateAuthStatus(afterRenewalDue);
}

/** A token fresh from Entra: its `iat` keeps our idea of Entra's clock current. */
export function recordTokenIssued(token: TokenSummary): Promise<void> {
  if (token.fromCache || token.issuedAt === null) return Promise.resolve();
  const issuedAtMs = Date.parse(token.issuedAt);
  return updateAuthStatus((status) => afterTokenIssued(status, issuedAtMs, Date.now()));
}

/**
 * Records that the technician must sign in interactively (silent recovery is over or pointless).
 * Other failures concern one tenant or one call, and stay with the caller's reply.
 */
export async function recordIfSignInRequired(error: unknown): Promise<void> {
  if (typeof error !== "object" || error === null) return;
  // Errors from the offscreen document arrive as RemoteCommandError carrying the original name.
  const { name, code, nextStep } = error as { name?: unknown; code?: unknown; nextStep?: unknown };
  if (name !== "SignInRequiredError") return;
  const failure = {
    code: typeof code === "string" ? code : null,
    nextStep: typeof nextStep === "string" ? nextStep : null,
  };
  await updateAuthStatus((status) => afterSignInRequired(status, failure));
}
