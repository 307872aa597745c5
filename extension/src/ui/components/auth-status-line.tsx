import { currentAuthState, refreshTokenTimeLeftMs, toBrowserTime } from "../../auth/token-health";
import { authStatusItem } from "../../state";
import { formatTimeLeft } from "../format-time-left";
import { useNow } from "./use-now";
import { useStorageItem } from "./use-storage-item";

const REFRESH_EVERY_MS = 30_000;

/**
 * One line saying who is signed in and for how long (the SPA sign-in lasts 24 hours), that a
 * silent renewal is due, or why a click is needed (with Microsoft's code).
 */
export function AuthStatusLine() {
  const status = useStorageItem(authStatusItem);
  const now = useNow(REFRESH_EVERY_MS);
  const username = status.account?.username ?? "";
  const left = refreshTokenTimeLeftMs(status, now);
  const renewed =
    status.lastSilentRecoveryAt === null
      ? ""
      : ` Renewed silently at ${new Date(toBrowserTime(status, status.lastSilentRecoveryAt)).toLocaleTimeString()}.`;
  switch (currentAuthState(status, now)) {
    case "signedIn":
      return (
        <p id="auth-status" data-state="signedIn">
          Signed in as {username}.
          {left !== null && ` Sign-in valid for another ${formatTimeLeft(left)}.`}
          {renewed}
        </p>
      );
    case "expiringSoon":
      return (
        <p id="auth-status" data-state="expiringSoon">
          Signed in as {username}.{" "}
          {left !== null && left > 0
            ? `Sign-in ends in ${formatTimeLeft(left)}: renewing silently.`
            : "The 24-hour sign-in has ended: renewing silently."}
        </p>
      );
    case "needsInteractiveSignIn":
      return (
        <p id="auth-status" data-state="needsInteractiveSignIn" role="alert">
          Sign-in needed for {username} ({status.code}). {status.nextStep}
        </p>
      );
    case "signedOut":
      return (
        <p id="auth-status" data-state="signedOut">
          Not signed in
        </p>
      );
  }
}
