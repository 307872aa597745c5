import { badRequest } from "../errors";

/**
 * `$skiptoken` values are opaque to clients (paging.md). The emulator's are base64url JSON that
 * carry where the next page starts and the original query options, so a nextLink keeps
 * `$select`/`$filter`/`$top` even if a client drops the other parameters.
 */
export interface PageCursor {
  /** Index in the collection's ordering where the next page starts. */
  position: number;
  /** Id of the object at `position` (re-located if the collection changed meanwhile). */
  nextId: string;
  /** The request's original query string without `$skiptoken`. */
  query: string;
}

const PREFIX = "RFNwdA"; // Graph's directory skiptokens start with base64("DSpt")

export function encodeSkipToken(cursor: PageCursor): string {
  return PREFIX + Buffer.from(JSON.stringify(cursor)).toString("base64url");
}

export function decodeSkipToken(token: string): PageCursor {
  try {
    if (!token.startsWith(PREFIX)) throw new Error("prefix");
    const parsed = JSON.parse(
      Buffer.from(token.slice(PREFIX.length), "base64url").toString("utf8"),
    ) as unknown;
    if (
      typeof parsed === "object" &&
      parsed !== null &&
      typeof (parsed as PageCursor).position === "number" &&
      typeof (parsed as PageCursor).nextId === "string" &&
      typeof (parsed as PageCursor).query === "string"
    ) {
      return parsed as PageCursor;
    }
  } catch {
    // Falls through to Graph's answer for a skiptoken it cannot read.
  }
  throw badRequest("Invalid skip token.", "Request_BadRequest");
}
