import { mulberry32 } from "../mulberry32";

/** A small seeded generator (mulberry32): the same seed always builds the same tenant. */
export interface Random {
  /** Uniform in [0, 1). */
  next(): number;
  /** Integer in [min, max], both inclusive. */
  int(min: number, max: number): number;
  pick<T>(items: readonly T[]): T;
  chance(probability: number): boolean;
  /** A version-4-shaped GUID, as Graph object ids are. */
  guid(): string;
}

export function seededRandom(seed: number): Random {
  const next = mulberry32(seed);
  const int = (min: number, max: number) => min + Math.floor(next() * (max - min + 1));
  /** Eight hex digits from one draw: one call per 32 bits keeps 100k-row tenants fast. */
  const word = () =>
    Math.floor(next() * 4_294_967_296)
      .toString(16)
      .padStart(8, "0");
  return {
    next,
    int,
    pick<T>(items: readonly T[]): T {
      const item = items[int(0, items.length - 1)];
      if (item === undefined) throw new Error("pick() needs at least one item");
      return item;
    },
    chance: (probability) => next() < probability,
    guid: () => {
      const [a, b, c, d] = [word(), word(), word(), word()];
      const variant = "89ab"[int(0, 3)];
      return `${a}-${b.slice(0, 4)}-4${b.slice(5, 8)}-${variant}${c.slice(0, 3)}-${c.slice(3, 7)}${d}`;
    },
  };
}
