import { useEffect, useState } from "preact/hooks";
import { type StorageItem, watchItem } from "../../state";

/** The current value of a storage item, kept up to date while the component is mounted. */
export function useStorageItem<T>(item: StorageItem<T>): T {
  const [value, setValue] = useState<T>(item.fallback);
  useEffect(() => {
    const lifetime = new AbortController();
    watchItem(item, setValue, lifetime.signal);
    return () => lifetime.abort();
  }, [item]);
  return value;
}
