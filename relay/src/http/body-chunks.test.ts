import { describe, expect, it } from "vitest";
import { bodyChunksOf, firstBytes, joinChunks, lastBytes } from "./body-chunks";

const chunked = (...parts: string[]) => ({
  chunks: parts.map((part) => Buffer.from(part)),
  byteLength: parts.reduce((sum, part) => sum + Buffer.byteLength(part), 0),
});

describe("a body kept as the chunks it arrived in", () => {
  it("reads its first and last bytes across chunk boundaries", () => {
    const body = chunked("ab", "", "cdef", "g");
    expect(firstBytes(body, 3).toString()).toBe("abc");
    expect(lastBytes(body, 4).toString()).toBe("defg");
    expect(firstBytes(body, 100).toString()).toBe("abcdefg");
    expect(lastBytes(body, 100).toString()).toBe("abcdefg");
    expect(firstBytes(chunked(), 3).byteLength).toBe(0);
  });

  it("joins into one buffer, without a copy when there is one chunk", () => {
    expect(joinChunks(chunked("ab", "cd")).toString()).toBe("abcd");
    const one = Buffer.from("whole");
    expect(joinChunks(bodyChunksOf(one))).toBe(one);
  });
});
