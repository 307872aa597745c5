import { afterEach, describe, expect, it, vi } from "vitest";
import { readItem, settingsItem, writeItem } from "./state";

/** A stand-in for one `chrome.storage` area, backed by a plain object. */
function fakeStorageArea(initial: Record<string, unknown>) {
  const data = { ...initial };
  return {
    data,
    get: async (key: string) => (key in data ? { [key]: data[key] } : {}),
    set: async (items: Record<string, unknown>) => {
      Object.assign(data, items);
    },
  };
}

afterEach(() => {
  vi.unstubAllGlobals();
});

describe("storage items", () => {
  it("read the stored value when it matches the item's schema", async () => {
    const clientId = "7c6b8a54-2f1e-4d39-9a0b-5e3c1d2f4a68";
    vi.stubGlobal("chrome", {
      storage: { local: fakeStorageArea({ "settings.v1": { clientId } }) },
    });
    expect(await readItem(settingsItem)).toEqual({ clientId });
  });

  it("read a damaged or missing value as the fallback instead of failing", async () => {
    vi.stubGlobal("chrome", {
      storage: { local: fakeStorageArea({ "settings.v1": { clientId: 42 } }) },
    });
    expect(await readItem(settingsItem)).toEqual({ clientId: null });
    vi.stubGlobal("chrome", { storage: { local: fakeStorageArea({}) } });
    expect(await readItem(settingsItem)).toEqual({ clientId: null });
  });

  it("refuse to write a value the schema rejects", async () => {
    const area = fakeStorageArea({});
    vi.stubGlobal("chrome", { storage: { local: area } });
    await expect(writeItem(settingsItem, { clientId: "not-a-guid" })).rejects.toThrow();
    expect(area.data).toEqual({});
  });
});
