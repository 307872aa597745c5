import { describe, expect, it } from "vitest";
import { SeededRandom } from "./random";

const GUID_V4 = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

describe("SeededRandom", () => {
  it("repeats the same sequence for the same seed and label", () => {
    const a = new SeededRandom(42, "contoso.onmicrosoft.com");
    const b = new SeededRandom(42, "contoso.onmicrosoft.com");
    const draw = (rng: SeededRandom) => [
      rng.nextUint32(),
      rng.guid(),
      rng.int(1, 6),
      rng.chars("abc", 5),
    ];
    expect(draw(a)).toEqual(draw(b));
  });

  it("gives different sequences for different seeds or labels", () => {
    const first = new SeededRandom(1, "x").guid();
    expect(new SeededRandom(2, "x").guid()).not.toBe(first);
    expect(new SeededRandom(1, "y").guid()).not.toBe(first);
  });

  it("formats GUIDs as lower-case version-4 GUIDs and does not repeat them", () => {
    const rng = new SeededRandom(7);
    const ids = Array.from({ length: 2000 }, () => rng.guid());
    for (const id of ids) expect(id).toMatch(GUID_V4);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it("keeps int() within both inclusive bounds and reaches both ends", () => {
    const rng = new SeededRandom(3);
    const seen = new Set<number>();
    for (let i = 0; i < 500; i++) {
      const value = rng.int(2, 5);
      expect(value).toBeGreaterThanOrEqual(2);
      expect(value).toBeLessThanOrEqual(5);
      seen.add(value);
    }
    expect([...seen].sort()).toEqual([2, 3, 4, 5]);
  });

  it("never picks a zero-weight choice", () => {
    const rng = new SeededRandom(9);
    for (let i = 0; i < 500; i++)
      expect(
        rng.weighted([
          ["never", 0],
          ["always", 1],
        ] as const),
      ).toBe("always");
  });

  it("samples distinct items, at most as many as exist", () => {
    const rng = new SeededRandom(5);
    const picked = rng.sample([1, 2, 3, 4, 5, 6], 4);
    expect(new Set(picked).size).toBe(4);
    expect(rng.sample([1, 2], 5).sort()).toEqual([1, 2]);
  });

  it("refuses to pick from an empty list", () => {
    expect(() => new SeededRandom(1).pick([])).toThrow(/empty/);
  });
});
