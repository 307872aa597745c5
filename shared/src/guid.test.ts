import { describe, expect, it } from "vitest";
import { GUID_PATTERN } from "./guid";

describe("GUID_PATTERN", () => {
  it("accepts Microsoft ids of any version, in either case", () => {
    expect(GUID_PATTERN.test("4b1e0d5c-8a6f-4e2d-9c3b-7a1f0e2d3c4b")).toBe(true);
    expect(GUID_PATTERN.test("4B1E0D5C-8A6F-1E2D-0C3B-7A1F0E2D3C4B")).toBe(true);
  });

  it("refuses braces, missing groups and surrounding text", () => {
    for (const value of [
      "{4b1e0d5c-8a6f-4e2d-9c3b-7a1f0e2d3c4b}",
      "4b1e0d5c8a6f4e2d9c3b7a1f0e2d3c4b",
      "4b1e0d5c-8a6f-4e2d-9c3b-7a1f0e2d3c4",
      "tenant 4b1e0d5c-8a6f-4e2d-9c3b-7a1f0e2d3c4b",
      "4b1e0d5c-8a6f-4e2d-9c3b-7a1f0e2d3c4g",
    ]) {
      expect(GUID_PATTERN.test(value), value).toBe(false);
    }
  });
});
