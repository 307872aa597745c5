import { describe, expect, it } from "vitest";
import { formatTimeLeft } from "./format-time-left";

const MINUTE = 60_000;

describe("formatTimeLeft", () => {
  it("gives hours and minutes, rounding down", () => {
    expect(formatTimeLeft(23 * 60 * MINUTE + 59 * MINUTE + 59_999)).toBe("23 h 59 min");
  });

  it("drops zero minutes and zero hours", () => {
    expect(formatTimeLeft(24 * 60 * MINUTE)).toBe("24 h");
    expect(formatTimeLeft(45 * MINUTE)).toBe("45 min");
  });

  it("says less than a minute at the end, and after it", () => {
    expect(formatTimeLeft(59_999)).toBe("less than a minute");
    expect(formatTimeLeft(-5 * MINUTE)).toBe("less than a minute");
  });
});
