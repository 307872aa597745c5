import { describe, expect, it } from "vitest";
import { negotiateCoding } from "./accept-encoding";

describe("negotiateCoding", () => {
  it.each([
    ["gzip, deflate", "gzip"],
    ["br, gzip, deflate", "gzip"],
    ["GZIP", "gzip"],
    ["x-gzip", "gzip"],
    ["gzip;q=0.5", "gzip"],
    ["deflate, *;q=0.1", "gzip"],
    ["*", "gzip"],
  ] as const)("answers gzip to %j", (header, coding) => {
    expect(negotiateCoding(header)).toBe(coding);
  });

  it.each([
    [undefined, "no header"],
    ["", "an empty header"],
    ["identity", "identity only"],
    ["deflate", "another coding only"],
    ["br", "another coding only"],
    ["gzip;q=0", "gzip refused"],
    ["gzip;q=0.0, deflate", "gzip refused"],
    ["*;q=0", "everything refused"],
    ["gzip;q=0, *", "gzip refused though anything else goes"],
  ] as const)("answers identity to %j (%s)", (header, _why) => {
    expect(negotiateCoding(header)).toBe("identity");
  });
});
