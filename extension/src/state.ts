import { z } from "zod";

/**
 * The one registry of storage items: settings and status live here, and UIs observe them
 * ("state over messages"). Each item has a versioned key, a schema and a fallback, so an old or
 * damaged value reads as the fallback instead of crashing a page.
 */
export interface StorageItem<T> {
  area: "local" | "session";
  key: string;
  schema: z.ZodType<T>;
  fallback: T;
}

export const settingsItem: StorageItem<{ clientId: string | null }> = {
  area: "local",
  key: "settings.v1",
  // The Entra application (client) id of the tenantlens app registration.
  schema: z.object({ clientId: z.guid().nullable() }),
  fallback: { clientId: null },
};

/** The states a technician can see; see `auth/token-health.ts` for when each applies. */
export const authStateSchema = z.enum([
  "signedOut",
  "signedIn",
  /** Less than an hour of the 24-hour sign-in left: a silent renewal is due or under way. */
  "expiringSoon",
  /** Silent recovery failed (no Microsoft session left): one click on "Sign in again". */
  "needsInteractiveSignIn",
]);
export type AuthState = z.infer<typeof authStateSchema>;

/** An instant as epoch milliseconds (storage keeps numbers as they are; no parsing needed). */
const instantSchema = z.number().int().nonnegative();

export const authStatusSchema = z.object({
  state: authStateSchema,
  /**
   * The signed-in account, kept beyond MSAL's cache: when Chrome closes the offscreen document
   * the cache is gone, and a silent re-sign-in needs the username as `login_hint`.
   */
  account: z.object({ username: z.string().min(1), homeTenantId: z.guid() }).nullable(),
  /**
   * Every instant below is on Entra's clock (the clock that ends the refresh token), read from
   * the `iat` of the tokens Entra issues. `entraClockOffsetMs` is Entra's clock minus this
   * browser's, measured at the last token received: browser time + offset = Entra time.
   */
  entraClockOffsetMs: z.number().int(),
  /**
   * When the current refresh token's family began: the last sign-in's code redemption. Its end
   * is derived from this (`refreshTokenExpiresAt` in `auth/token-health.ts`), not stored.
   */
  signedInAt: instantSchema.nullable(),
  /** The last silent (`prompt=none`) re-sign-in that succeeded. */
  lastSilentRecoveryAt: instantSchema.nullable(),
  /** The last silent re-sign-in started, successful or not: spaces out proactive attempts. */
  lastSilentAttemptAt: instantSchema.nullable(),
  /** Microsoft's code for the last failure, e.g. `AADSTS50058` or `login_required`. */
  code: z.string().nullable(),
  nextStep: z.string().nullable(),
});
export type AuthStatus = z.infer<typeof authStatusSchema>;

export const SIGNED_OUT: AuthStatus = {
  state: "signedOut",
  account: null,
  entraClockOffsetMs: 0,
  signedInAt: null,
  lastSilentRecoveryAt: null,
  lastSilentAttemptAt: null,
  code: null,
  nextStep: null,
};

/**
 * Session storage: it ends with the browser session, like the tokens in the offscreen document.
 * v2: adds the account, the sign-in time and the silent-recovery times. (A v2 value written
 * when the refresh-token expiry was still stored parses the same: zod drops the extra key.)
 */
export const authStatusItem: StorageItem<AuthStatus> = {
  area: "session",
  key: "authStatus.v2",
  schema: authStatusSchema,
  fallback: SIGNED_OUT,
};

function parseOrFallback<T>(item: StorageItem<T>, raw: unknown): T {
  const parsed = item.schema.safeParse(raw);
  return parsed.success ? parsed.data : item.fallback;
}

export async function readItem<T>(item: StorageItem<T>): Promise<T> {
  const stored = await chrome.storage[item.area].get(item.key);
  return parseOrFallback(item, stored[item.key]);
}

export async function writeItem<T>(item: StorageItem<T>, value: T): Promise<void> {
  await chrome.storage[item.area].set({ [item.key]: item.schema.parse(value) });
}

/** Calls `onChange` with the current value, then on every change, until `signal` aborts. */
export function watchItem<T>(
  item: StorageItem<T>,
  onChange: (value: T) => void,
  signal: AbortSignal,
): void {
  const listener = (changes: Record<string, chrome.storage.StorageChange>, area: string): void => {
    const change = changes[item.key];
    if (area === item.area && change !== undefined)
      onChange(parseOrFallback(item, change.newValue));
  };
  chrome.storage.onChanged.addListener(listener);
  signal.addEventListener("abort", () => chrome.storage.onChanged.removeListener(listener), {
    once: true,
  });
  readItem(item).then((value) => {
    if (!signal.aborted) onChange(value);
  }, console.error);
}
