import type { CommandName, Room } from "../messages";

/**
 * The wire format of commands and replies. `chrome.runtime.sendMessage` reaches every extension
 * context at once, so each command names the room it is for; other rooms stay silent.
 */
export const MESSAGE_CHANNEL = "tenantlens/commands/v1";

export interface CommandEnvelope<R extends Room = Room> {
  channel: typeof MESSAGE_CHANNEL;
  room: R;
  command: CommandName<R>;
  payload: unknown;
}

/** An error as it crosses contexts: its class name, message and, where known, Microsoft's code. */
export interface SerializedError {
  name: string;
  message: string;
  /** e.g. `AADSTS700084`, `login_required`, `Authorization_RequestDenied`. */
  code?: string;
  /** The OAuth 2.0 `error` behind an identity failure, e.g. `invalid_grant`, `login_required`. */
  oauthError?: string;
  /** What the technician can do about it. */
  nextStep?: string;
}

export type ReplyEnvelope = { ok: true; value: unknown } | { ok: false; error: SerializedError };

export function createCommandEnvelope<R extends Room>(
  room: R,
  command: CommandName<R>,
  payload: unknown,
): CommandEnvelope<R> {
  return { channel: MESSAGE_CHANNEL, room, command, payload };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null;
}

/** True for a command addressed to `room`; anything else (other rooms, foreign messages) is not ours. */
export function isCommandFor<R extends Room>(value: unknown, room: R): value is CommandEnvelope<R> {
  return (
    isRecord(value) &&
    value.channel === MESSAGE_CHANNEL &&
    value.room === room &&
    typeof value.command === "string"
  );
}

export function isReplyEnvelope(value: unknown): value is ReplyEnvelope {
  if (!isRecord(value) || typeof value.ok !== "boolean") return false;
  if (value.ok) return "value" in value;
  return isRecord(value.error) && typeof value.error.message === "string";
}

/** Errors carrying a Microsoft or OAuth code and a next step (see `auth/errors.ts`). */
interface CodedError extends Error {
  code?: unknown;
  oauthError?: unknown;
  nextStep?: unknown;
}

export function serializeError(error: unknown): SerializedError {
  if (error instanceof Error) {
    const { code, oauthError, nextStep } = error as CodedError;
    return {
      name: error.name,
      message: error.message,
      ...(typeof code === "string" ? { code } : {}),
      ...(typeof oauthError === "string" ? { oauthError } : {}),
      ...(typeof nextStep === "string" ? { nextStep } : {}),
    };
  }
  return { name: "Error", message: String(error) };
}

/** An error raised in another context, rethrown here with its original name and code. */
export class RemoteCommandError extends Error {
  readonly command: string;
  readonly code: string | undefined;
  readonly oauthError: string | undefined;
  readonly nextStep: string | undefined;

  constructor(serialized: SerializedError, command: string) {
    super(serialized.message, { cause: serialized });
    // Keep the original class name (e.g. `SignInRequiredError`) so callers can branch on it.
    this.name = serialized.name;
    this.code = serialized.code;
    this.oauthError = serialized.oauthError;
    this.nextStep = serialized.nextStep;
    this.command = command;
  }
}
