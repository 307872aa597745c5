import type { z } from "zod";
import {
  type CommandName,
  type RequestOf,
  type ResponseOf,
  type Room,
  requestSchemas,
} from "../messages";
import { isCommandFor, type ReplyEnvelope, serializeError } from "./envelope";
import type { SenderFacts } from "./sender-policy";

export type CommandHandlers<R extends Room> = {
  [C in CommandName<R>]: (
    payload: RequestOf<R, C>,
    sender: chrome.runtime.MessageSender,
  ) => Promise<ResponseOf<R, C>>;
};

export class ForbiddenSenderError extends Error {
  override readonly name = "ForbiddenSenderError";
}

export class InvalidCommandError extends Error {
  override readonly name = "InvalidCommandError";
}

interface ListenOptions {
  /** Deny by default: only senders this accepts get an answer other than an error. */
  isTrustedSender: (sender: SenderFacts) => boolean;
  signal: AbortSignal;
}

/**
 * Answers the commands addressed to `room`: checks the sender, validates the payload against
 * the protocol map, runs the handler, and replies with its value or its error.
 */
export function listenForCommands<R extends Room>(
  room: R,
  handlers: CommandHandlers<R>,
  { isTrustedSender, signal }: ListenOptions,
): void {
  const schemas: Readonly<Record<string, z.ZodType>> = requestSchemas[room];

  const listener = (
    message: unknown,
    sender: chrome.runtime.MessageSender,
    sendResponse: (reply: ReplyEnvelope) => void,
  ): boolean => {
    // Not for this room: stay silent so that the right receiver can answer.
    if (!isCommandFor(message, room)) return false;
    const command = message.command;
    const reply = (async (): Promise<unknown> => {
      if (!isTrustedSender(sender)) {
        throw new ForbiddenSenderError(
          `${sender.url ?? "An unknown sender"} may not send ${command}.`,
        );
      }
      const schema = Object.hasOwn(schemas, command) ? schemas[command] : undefined;
      if (schema === undefined) throw new InvalidCommandError(`Unknown command ${command}.`);
      const parsed = schema.safeParse(message.payload);
      if (!parsed.success) {
        throw new InvalidCommandError(`Invalid ${command} request: ${parsed.error.message}`);
      }
      const handler = handlers[command] as (
        payload: unknown,
        sender: chrome.runtime.MessageSender,
      ) => Promise<unknown>;
      return handler(parsed.data, sender);
    })();
    reply.then(
      (value) => sendResponse({ ok: true, value }),
      (error: unknown) => sendResponse({ ok: false, error: serializeError(error) }),
    );
    // Keeps the channel open for the asynchronous reply.
    return true;
  };

  chrome.runtime.onMessage.addListener(listener);
  signal.addEventListener("abort", () => chrome.runtime.onMessage.removeListener(listener), {
    once: true,
  });
}
