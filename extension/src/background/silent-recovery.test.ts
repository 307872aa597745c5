import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import type { AccountSummary } from "../auth/summaries";
import { type AuthStatus, authStatusItem, SIGNED_OUT } from "../state";

/**
 * The service worker's recovery coordinator, with the sign-in and the status writes replaced:
 * what is under test is when it signs in silently, how often, and what the caller sees.
 */
const signIn = vi.fn<(request: { mode: "interactive" | "silent" }) => Promise<AccountSummary>>();
const recordIfSignInRequired = vi.fn(async (_error: unknown) => {});

vi.mock("./handlers/sign-in", () => ({ signIn }));
vi.mock("./auth-status", () => ({
  recordIfSignInRequired,
  recordRenewalDue: vi.fn(async () => {}),
}));

const ACCOUNT: AccountSummary = {
  username: "admin@partner.test",
  name: null,
  homeTenantId: "c0a1b2c3-d4e5-4f60-8172-93a4b5c6d7e8",
  homeObjectId: "0f1e2d3c-4b5a-4968-8776-a5b4c3d2e1f0",
};
const SIGNED_IN: AuthStatus = {
  ...SIGNED_OUT,
  state: "signedIn",
  account: { username: ACCOUNT.username, homeTenantId: ACCOUNT.homeTenantId },
};

/** A failure as it arrives from the offscreen document (RemoteCommandError's fields). */
function remoteError(name: string, code: string, oauthError: string): Error {
  return Object.assign(new Error(`${code}: failed`), { name, code, oauthError });
}
const EXPIRED = () => remoteError("SignInRequiredError", "AADSTS700084", "invalid_grant");
const NO_SESSION = () => remoteError("SignInRequiredError", "AADSTS50058", "login_required");

function deferred<T>() {
  let resolve!: (value: T) => void;
  let reject!: (reason: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

async function loadCoordinator(status: AuthStatus) {
  vi.stubGlobal("chrome", {
    storage: { session: { get: async () => ({ [authStatusItem.key]: status }) } },
  });
  // A fresh module each time: the coordinator keeps its recovery in module state.
  vi.resetModules();
  return import("./silent-recovery");
}

beforeEach(() => {
  signIn.mockReset();
  recordIfSignInRequired.mockClear();
});

afterEach(() => {
  vi.unstubAllGlobals();
});

describe("withSilentRecovery", () => {
  it("signs in silently once and repeats the request when the SPA refresh token expired", async () => {
    const { withSilentRecovery } = await loadCoordinator(SIGNED_IN);
    signIn.mockResolvedValue(ACCOUNT);
    const request = vi.fn().mockRejectedValueOnce(EXPIRED()).mockResolvedValueOnce("token");

    await expect(withSilentRecovery(request)).resolves.toBe("token");
    expect(signIn.mock.calls).toEqual([[{ mode: "silent" }]]);
    expect(request).toHaveBeenCalledTimes(2);
  });

  it("gives the caller the silent sign-in's login_required and does not repeat the request", async () => {
    const { withSilentRecovery } = await loadCoordinator(SIGNED_IN);
    signIn.mockRejectedValue(NO_SESSION());
    const request = vi.fn().mockRejectedValue(EXPIRED());

    await expect(withSilentRecovery(request)).rejects.toMatchObject({ code: "AADSTS50058" });
    expect(request).toHaveBeenCalledTimes(1);
    expect(signIn).toHaveBeenCalledTimes(1);
  });

  it("never loops: a repeated request that fails again goes to the caller, recorded", async () => {
    const { withSilentRecovery } = await loadCoordinator(SIGNED_IN);
    signIn.mockResolvedValue(ACCOUNT);
    const request = vi.fn().mockRejectedValue(EXPIRED());

    await expect(withSilentRecovery(request)).rejects.toMatchObject({ code: "AADSTS700084" });
    expect(request).toHaveBeenCalledTimes(2);
    expect(signIn).toHaveBeenCalledTimes(1);
    expect(recordIfSignInRequired).toHaveBeenCalledTimes(1);
  });

  it("shares one silent sign-in between requests that fail together", async () => {
    const { withSilentRecovery } = await loadCoordinator(SIGNED_IN);
    const silentSignIn = deferred<AccountSummary>();
    signIn.mockReturnValue(silentSignIn.promise);
    const requests = [1, 2, 3].map(() =>
      vi.fn().mockRejectedValueOnce(EXPIRED()).mockResolvedValueOnce("token"),
    );

    const results = Promise.all(requests.map((request) => withSilentRecovery(request)));
    await vi.waitFor(() => expect(signIn).toHaveBeenCalled());
    silentSignIn.resolve(ACCOUNT);

    await expect(results).resolves.toEqual(["token", "token", "token"]);
    expect(signIn).toHaveBeenCalledTimes(1);
  });

  it("only repeats a request that failed on the old sign-in after a recovery had finished", async () => {
    const { withSilentRecovery } = await loadCoordinator(SIGNED_IN);
    signIn.mockResolvedValue(ACCOUNT);
    const slowAnswer = deferred<string>();
    // Sent before the recovery, answered (with the old refresh token's failure) after it.
    const slow = vi.fn().mockReturnValueOnce(slowAnswer.promise).mockResolvedValueOnce("late");
    const slowResult = withSilentRecovery(slow);

    const fast = vi.fn().mockRejectedValueOnce(EXPIRED()).mockResolvedValueOnce("fast");
    await expect(withSilentRecovery(fast)).resolves.toBe("fast");
    slowAnswer.reject(EXPIRED());

    await expect(slowResult).resolves.toBe("late");
    expect(signIn).toHaveBeenCalledTimes(1);
  });

  it("leaves failures that are not about the sign-in to the caller, untouched", async () => {
    const { withSilentRecovery } = await loadCoordinator(SIGNED_IN);
    const consent = remoteError("ConsentRequiredError", "AADSTS90099", "invalid_grant");
    const request = vi.fn().mockRejectedValue(consent);

    await expect(withSilentRecovery(request)).rejects.toBe(consent);
    expect(signIn).not.toHaveBeenCalled();
    expect(request).toHaveBeenCalledTimes(1);
  });

  it("asks for the click at once when nobody signed in before (no account to hint)", async () => {
    const { withSilentRecovery } = await loadCoordinator(SIGNED_OUT);
    const request = vi.fn().mockRejectedValue(EXPIRED());

    await expect(withSilentRecovery(request)).rejects.toMatchObject({ code: "AADSTS700084" });
    expect(signIn).not.toHaveBeenCalled();
    expect(recordIfSignInRequired).toHaveBeenCalledTimes(1);
  });
});
