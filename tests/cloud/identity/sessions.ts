import { randomUUID } from "node:crypto";
import type { Context } from "hono";
import { deleteCookie, getCookie, setCookie } from "hono/cookie";
import type { CloudContext } from "../context";
import { type BrowserSession, isRevoked, nextSeq } from "./runtime";

/**
 * Browser sessions on login.microsoftonline.com, under Microsoft's cookie names: `ESTSAUTH` lives
 * as long as the browser, `ESTSAUTHPERSISTENT` is added when the user chooses "Stay signed in".
 * Both must be `SameSite=None; Secure`: `prompt=none` requests arrive in cross-site frames.
 */
export const SESSION_COOKIE = "ESTSAUTH";
export const PERSISTENT_SESSION_COOKIE = "ESTSAUTHPERSISTENT";
const PERSISTENT_SESSION_MAX_AGE_S = 90 * 24 * 60 * 60;

/** The current browser session, with revoked accounts (`revokeSignInSessions`) dropped. */
export function currentSession(c: Context, ctx: CloudContext): BrowserSession | undefined {
  const id = getCookie(c, SESSION_COOKIE) ?? getCookie(c, PERSISTENT_SESSION_COOKIE);
  const session = id ? ctx.identity.sessions.get(id) : undefined;
  if (!session) return undefined;
  session.accounts = session.accounts.filter(
    (account) => !isRevoked(ctx.identity, account.userId, account.seq),
  );
  return session;
}

/** Adds an account to the browser's session (creating it) and sets the cookies. */
export function signInToSession(
  c: Context,
  ctx: CloudContext,
  account: { homeTenantId: string; userId: string },
  staySignedIn: boolean,
): BrowserSession {
  const now = ctx.state.clock.now();
  let session = currentSession(c, ctx);
  if (!session) {
    session = { id: randomUUID(), accounts: [], persistent: false, createdMs: now };
    ctx.identity.sessions.set(session.id, session);
  }
  session.accounts = session.accounts.filter((a) => a.userId !== account.userId);
  session.accounts.push({ ...account, signedInAtMs: now, seq: nextSeq(ctx.identity) });
  session.persistent = session.persistent || staySignedIn;
  const options = { path: "/", secure: true, httpOnly: true, sameSite: "None" } as const;
  setCookie(c, SESSION_COOKIE, session.id, options);
  if (session.persistent) {
    setCookie(c, PERSISTENT_SESSION_COOKIE, session.id, {
      ...options,
      maxAge: PERSISTENT_SESSION_MAX_AGE_S,
    });
  }
  return session;
}

export function endSession(c: Context, ctx: CloudContext): void {
  const session = currentSession(c, ctx);
  if (session) ctx.identity.sessions.delete(session.id);
  const options = { path: "/", secure: true, sameSite: "None" } as const;
  deleteCookie(c, SESSION_COOKIE, options);
  deleteCookie(c, PERSISTENT_SESSION_COOKIE, options);
}
