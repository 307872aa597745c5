import { describe, expect, it } from "vitest";
import { prefersRespondAsync } from "./prefer";

describe("the Prefer header (RFC 7240)", () => {
  it.each([
    ["respond-async", true],
    ["Respond-Async", true],
    ["return=minimal, respond-async", true],
    ["respond-async; foo=bar, wait=10", true],
    ["wait=10,respond-async", true],
    ["return=representation", false],
    ["respond-asynchronously", false],
    ["", false],
  ])("%j asks for an asynchronous answer: %s", (header, expected) => {
    expect(prefersRespondAsync(header)).toBe(expected);
  });

  it("is synchronous without the header", () => {
    expect(prefersRespondAsync(undefined)).toBe(false);
  });
});
