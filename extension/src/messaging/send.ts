import type { CommandName, RequestOf, ResponseOf, Room } from "../messages";
import { createCommandEnvelope, isReplyEnvelope, RemoteCommandError } from "./envelope";

/**
 * Sends a typed command to a room and resolves with its typed response, or rejects with the
 * receiver's error (same name, message and Microsoft code) as a `RemoteCommandError`.
 */
export async function sendCommand<R extends Room, C extends CommandName<R>>(
  room: R,
  command: C,
  payload: RequestOf<R, C>,
): Promise<ResponseOf<R, C>> {
  const reply: unknown = await chrome.runtime.sendMessage(
    createCommandEnvelope(room, command, payload),
  );
  if (!isReplyEnvelope(reply)) {
    // No receiver answered: the room is not open (e.g. the offscreen document was closed).
    throw new Error(`No answer from ${room} to ${command}.`);
  }
  if (!reply.ok) throw new RemoteCommandError(reply.error, command);
  // The receiver built this value from the same protocol map; the map is the contract.
  return reply.value as ResponseOf<R, C>;
}
