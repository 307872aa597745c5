import { render } from "preact";
import { AuthStatusLine } from "../components/auth-status-line";

/** The side panel: reports arrive in later issues; for now it shows who is signed in. */
function SidePanel() {
  return (
    <main>
      <h1>tenantlens reports</h1>
      <AuthStatusLine />
    </main>
  );
}

const root = document.getElementById("app");
if (root !== null) render(<SidePanel />, root);
