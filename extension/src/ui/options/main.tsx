import { render } from "preact";
import { useState } from "preact/hooks";
import { settingsItem, writeItem } from "../../state";
import { useStorageItem } from "../components/use-storage-item";

/** Options: the application (client) id of the Entra app registration (see the README). */
function Options() {
  const settings = useStorageItem(settingsItem);
  const [draft, setDraft] = useState<string | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const value = draft ?? settings.clientId ?? "";

  const save = (event: Event): void => {
    event.preventDefault();
    const parsed = settingsItem.schema.safeParse({ clientId: value.trim() });
    if (!parsed.success) {
      setMessage("The client id is a GUID, e.g. 00000000-0000-0000-0000-000000000000.");
      return;
    }
    writeItem(settingsItem, parsed.data).then(
      () => setMessage("Saved."),
      (error: Error) => setMessage(error.message),
    );
  };

  return (
    <main>
      <h1>tenantlens options</h1>
      <form onSubmit={save}>
        <label for="client-id">Application (client) id</label>
        <input
          id="client-id"
          value={value}
          onInput={(event) => setDraft(event.currentTarget.value)}
          spellcheck={false}
          autocomplete="off"
        />
        <button type="submit" id="save">
          Save
        </button>
      </form>
      {message !== null && <p role="status">{message}</p>}
    </main>
  );
}

const root = document.getElementById("app");
if (root !== null) render(<Options />, root);
