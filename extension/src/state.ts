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

export const authStatusSchema = z.object({
  state: z.enum(["signedOut", "signedIn", "signInRequired"]),
  username: z.string().nullable(),
  /** Microsoft's code for the last failure, e.g. `AADSTS700084` or `login_required`. */
  code: z.string().nullable(),
  nextStep: z.string().nullable(),
});
export type AuthStatus = z.infer<typeof authStatusSchema>;

/** Session storage: it ends with the browser session, like the tokens in the offscreen document. */
export const authStatusItem: StorageItem<AuthStatus> = {
  area: "session",
  key: "authStatus.v1",
  schema: authStatusSchema,
  fallback: { state: "signedOut", username: null, code: null, nextStep: null },
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
