import { ClientIdMissingError } from "../auth/errors";
import { readItem, settingsItem } from "../state";

/** The configured application (client) id, or a clear error saying where to set it. */
export async function requireClientId(): Promise<string> {
  const { clientId } = await readItem(settingsItem);
  if (clientId === null) {
    throw new ClientIdMissingError("No application (client) id is configured.", {
      code: "no_client_id",
      oauthError: "no_client_id",
      nextStep: "Open tenantlens Options and enter the client id of your Entra app registration.",
    });
  }
  return clientId;
}
