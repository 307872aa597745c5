import type { AccountSummary } from "../auth/summaries";
import { type AuthStatus, authStatusItem, readItem, writeItem } from "../state";

/** Records a successful sign-in for the UIs that observe the auth status. */
export async function recordSignedIn(account: AccountSummary): Promise<void> {
  await writeItem(authStatusItem, {
    state: "signedIn",
    username: account.username,
    code: null,
    nextStep: null,
  });
}

/**
 * Records that the technician must sign in again (refresh token expired or revoked, no session).
 * Other failures concern one tenant or one call, and stay with the caller's reply.
 */
export async function recordIfSignInRequired(error: unknown): Promise<void> {
  if (typeof error !== "object" || error === null) return;
  // Errors from the offscreen document arrive as RemoteCommandError carrying the original name.
  const { name, code, nextStep } = error as { name?: unknown; code?: unknown; nextStep?: unknown };
  if (name !== "SignInRequiredError") return;
  const previous: AuthStatus = await readItem(authStatusItem);
  await writeItem(authStatusItem, {
    state: "signInRequired",
    username: previous.username,
    code: typeof code === "string" ? code : null,
    nextStep: typeof nextStep === "string" ? nextStep : null,
  });
}
