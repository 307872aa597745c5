/**
 * The one protocol map of the extension. Every command between contexts is declared here once:
 * its request as a schema (checked by the receiver, because a message is untrusted input until
 * proven otherwise) and its response as a type. UI code gets typed senders, the service worker
 * and the offscreen document typed handlers.
 *
 * Two rooms receive commands:
 * - `background` (the service worker), from extension pages: popup, side panel, options.
 * - `offscreen` (the document hosting MSAL), from the service worker only.
 */
import { z } from "zod";
import type {
  AccountSummary,
  SignInResult,
  TenantAccessCheck,
  TokenSummary,
} from "./auth/summaries";

/** How a sign-in may proceed: with a window the user sees, or silently from the session cookie. */
export const signInModeSchema = z.enum(["interactive", "silent"]);
export type SignInMode = z.infer<typeof signInModeSchema>;

/** Entra tenant ids are GUIDs; the token endpoint also accepts domains, but we always know the id. */
const tenantIdSchema = z.guid();
const clientIdSchema = z.guid();

/**
 * The account a silent sign-in is for, as the service worker remembers it: MSAL's own cache is
 * gone when Chrome closed the offscreen document, and `login_hint` picks the account in Entra's
 * session. (A UPN is at most 113 characters; 320 is an e-mail address's limit.)
 */
export const knownAccountSchema = z.strictObject({
  username: z.string().min(1).max(320),
  homeTenantId: tenantIdSchema,
});
export type KnownAccount = z.infer<typeof knownAccountSchema>;

export const requestSchemas = {
  background: {
    /** Signs the technician in to their partner tenant (auth code + PKCE through the browser). */
    "auth.signIn": z.strictObject({ mode: signInModeSchema }),
    /** The signed-in account, or null. */
    "auth.getAccount": z.strictObject({}),
    /**
     * Makes sure a Graph access token for a tenant (the partner's or a customer's) is at hand and
     * describes it. The token itself never leaves the offscreen document.
     */
    "auth.acquireToken": z.strictObject({ tenantId: tenantIdSchema, forceRefresh: z.boolean() }),
    /** Reads the tenant's organization through Graph: proves token, consent and access. */
    "tenant.checkAccess": z.strictObject({ tenantId: tenantIdSchema }),
  },
  offscreen: {
    /** Prepares an authorize request in MSAL and returns its URL for `launchWebAuthFlow`. */
    "msal.beginRedirect": z.strictObject({
      clientId: clientIdSchema,
      mode: signInModeSchema,
      knownAccount: knownAccountSchema.nullable(),
    }),
    /** Hands the URL `launchWebAuthFlow` ended on to MSAL, which redeems the code. */
    "msal.completeRedirect": z.strictObject({
      clientId: clientIdSchema,
      responseUrl: z.url({ protocol: /^https$/ }),
    }),
    /** Clears MSAL's interaction state after a flow the user closed or that failed. */
    "msal.abandonRedirect": z.strictObject({ clientId: clientIdSchema }),
    "msal.getAccount": z.strictObject({ clientId: clientIdSchema }),
    "msal.acquireTokenSilent": z.strictObject({
      clientId: clientIdSchema,
      tenantId: tenantIdSchema,
      forceRefresh: z.boolean(),
    }),
    "graph.checkTenantAccess": z.strictObject({
      clientId: clientIdSchema,
      tenantId: tenantIdSchema,
    }),
  },
} as const;

interface Responses {
  background: {
    "auth.signIn": AccountSummary;
    "auth.getAccount": AccountSummary | null;
    "auth.acquireToken": TokenSummary;
    "tenant.checkAccess": TenantAccessCheck;
  };
  offscreen: {
    "msal.beginRedirect": { authorizeUrl: string };
    "msal.completeRedirect": SignInResult;
    "msal.abandonRedirect": null;
    "msal.getAccount": AccountSummary | null;
    "msal.acquireTokenSilent": TokenSummary;
    "graph.checkTenantAccess": TenantAccessCheck;
  };
}

export type Room = keyof typeof requestSchemas;
export type CommandName<R extends Room> = keyof (typeof requestSchemas)[R] & string;
export type RequestOf<R extends Room, C extends CommandName<R>> = z.infer<
  (typeof requestSchemas)[R][C]
>;
export type ResponseOf<R extends Room, C extends CommandName<R>> = C extends keyof Responses[R]
  ? Responses[R][C]
  : never;
