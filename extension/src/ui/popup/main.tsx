import { render } from "preact";
import { useState } from "preact/hooks";
import { sendCommand } from "../../messaging/send";
import { authStatusItem } from "../../state";
import { AuthStatusLine } from "../components/auth-status-line";
import { useStorageItem } from "../components/use-storage-item";

/**
 * The popup: auth status at a glance and the sign-in button, which says "Sign in again" once a
 * silent renewal could not help (one click). The popup may close while the sign-in window has
 * focus; the outcome lands in the auth status item, not in this page.
 */
function Popup() {
  const [error, setError] = useState<string | null>(null);
  const { state } = useStorageItem(authStatusItem);

  const signIn = (): void => {
    setError(null);
    sendCommand("background", "auth.signIn", { mode: "interactive" }).catch((failure: Error) =>
      setError(failure.message),
    );
  };

  const openSidePanel = async (): Promise<void> => {
    const window = await chrome.windows.getCurrent();
    if (window.id !== undefined) await chrome.sidePanel.open({ windowId: window.id });
  };

  return (
    <main>
      <h1>tenantlens</h1>
      <AuthStatusLine />
      <button type="button" id="sign-in" onClick={signIn}>
        {state === "needsInteractiveSignIn" ? "Sign in again" : "Sign in with Microsoft"}
      </button>
      <button type="button" id="open-side-panel" onClick={() => void openSidePanel()}>
        Open reports
      </button>
      {error !== null && <p role="alert">{error}</p>}
    </main>
  );
}

const root = document.getElementById("app");
if (root !== null) render(<Popup />, root);
