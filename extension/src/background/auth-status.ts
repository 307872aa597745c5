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

/** Records a failure that needs the technician (expired sign-in, missing consent, …). */
export async function recordFailure(error: unknown): Promise<void> {
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
