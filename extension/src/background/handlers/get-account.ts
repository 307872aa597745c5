import type { AccountSummary } from "../../auth/summaries";
import { sendCommand } from "../../messaging/send";
import { readItem, settingsItem } from "../../state";
import { ensureOffscreenDocument } from "../offscreen-document";

export async function getAccount(): Promise<AccountSummary | null> {
  const { clientId } = await readItem(settingsItem);
  if (clientId === null) return null;
  await ensureOffscreenDocument();
  return sendCommand("offscreen", "msal.getAccount", { clientId });
}
