import { authStatusItem } from "../../state";
import { useStorageItem } from "./use-storage-item";

/** One line saying who is signed in, or why a sign-in is needed (with Microsoft's code). */
export function AuthStatusLine() {
  const status = useStorageItem(authStatusItem);
  switch (status.state) {
    case "signedIn":
      return <p id="auth-status">Signed in as {status.username}</p>;
    case "signInRequired":
      return (
        <p id="auth-status" role="alert">
          Sign-in needed ({status.code}). {status.nextStep}
        </p>
      );
    case "signedOut":
      return <p id="auth-status">Not signed in</p>;
  }
}
