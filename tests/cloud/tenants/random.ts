/**
 * A small seeded pseudo-random generator (sfc32, seeded through splitmix32) so that the same seed
 * always yields the same tenants. `Math.random` is never used by the generator.
 *
 * Streams are derived from a seed plus a label (`forTenant(seed, "contoso.onmicrosoft.com")`), so
 * adding a tenant to a scenario does not shift the values of the others.
 */
export class SeededRandom {
  private a: number;
  private b: number;
  private c: number;
  private d: number;

  constructor(seed: number, label = "") {
    let state = (seed ^ hashString(label)) >>> 0;
    const next = (): number => {
      // splitmix32: spreads a small seed over all four sfc32 words.
      state = (state + 0x9e3779b9) >>> 0;
      let z = state;
      z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
      z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
      return (z ^ (z >>> 16)) >>> 0;
    };
    this.a = next();
    this.b = next();
    this.c = next();
    this.d = next();
    for (let i = 0; i < 12; i++) this.nextUint32();
  }

  /** A new independent stream, e.g. one per tenant or per collection. */
  fork(label: string): SeededRandom {
    return new SeededRandom(this.nextUint32(), label);
  }

  nextUint32(): number {
    const t = (((this.a + this.b) >>> 0) + this.d) >>> 0;
    this.d = (this.d + 1) >>> 0;
    this.a = this.b ^ (this.b >>> 9);
    this.b = (this.c + (this.c << 3)) >>> 0;
    this.c = ((this.c << 21) | (this.c >>> 11)) >>> 0;
    this.c = (this.c + t) >>> 0;
    return t;
  }

  /** Uniform in [0, 1). */
  next(): number {
    return this.nextUint32() / 4294967296;
  }

  /** Integer in [min, max], both inclusive. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  chance(probability: number): boolean {
    return this.next() < probability;
  }

  pick<T>(items: readonly T[]): T {
    if (items.length === 0) throw new Error("SeededRandom.pick: empty list");
    return items[Math.floor(this.next() * items.length)] as T;
  }

  /** Picks by weight: `[[value, weight], ...]`. */
  weighted<T>(choices: readonly (readonly [T, number])[]): T {
    let total = 0;
    for (let i = 0; i < choices.length; i++) total += (choices[i] as readonly [T, number])[1];
    let roll = this.next() * total;
    for (let i = 0; i < choices.length; i++) {
      const choice = choices[i] as readonly [T, number];
      roll -= choice[1];
      if (roll < 0) return choice[0];
    }
    const last = choices[choices.length - 1];
    if (!last) throw new Error("SeededRandom.weighted: no choices");
    return last[0];
  }

  /** A moment `minDays`..`maxDays` whole days plus a random time of day before `epochMs`. */
  daysBefore(epochMs: number, minDays: number, maxDays: number): number {
    return epochMs - this.int(minDays, maxDays) * 86_400_000 - Math.floor(this.next() * 86_400_000);
  }

  /** `count` distinct items (or all of them when there are fewer). */
  sample<T>(items: readonly T[], count: number): T[] {
    const copy = items.slice();
    const n = Math.min(count, copy.length);
    for (let i = 0; i < n; i++) {
      const j = i + Math.floor(this.next() * (copy.length - i));
      const swap = copy[i] as T;
      copy[i] = copy[j] as T;
      copy[j] = swap;
    }
    return copy.slice(0, n);
  }

  /** A version-4-shaped GUID, lower case, as Entra ID spells object ids. */
  guid(): string {
    const out = GUID_BUFFER;
    let pos = 0;
    for (let word = 0; word < 4; word++) {
      let bits = this.nextUint32();
      if (word === 1) bits = ((bits & 0xffff0fff) | 0x00004000) >>> 0; // version 4
      if (word === 2) bits = ((bits & 0x3fffffff) | 0x80000000) >>> 0; // RFC 4122 variant
      for (let shift = 28; shift >= 0; shift -= 4) {
        if (pos === 8 || pos === 13 || pos === 18 || pos === 23) out[pos++] = 45; // "-"
        out[pos++] = HEX_CODES[(bits >>> shift) & 15] as number;
      }
    }
    // One flat string per GUID: a million ids for a large tenant are cheap this way.
    return out.toString("latin1", 0, 36);
  }

  /** `length` characters from `alphabet` (at most 64 characters long). */
  chars(alphabet: string, length: number): string {
    if (length > CHARS_BUFFER.length) throw new Error("SeededRandom.chars: too long");
    for (let i = 0; i < length; i++)
      CHARS_BUFFER[i] = alphabet.charCodeAt(Math.floor(this.next() * alphabet.length));
    return CHARS_BUFFER.toString("latin1", 0, length);
  }
}

const HEX_CODES = Buffer.from("0123456789abcdef", "latin1");
const GUID_BUFFER = Buffer.alloc(36);
const CHARS_BUFFER = Buffer.alloc(64);

/** FNV-1a, to turn a stream label into seed bits. */
export function hashString(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}
