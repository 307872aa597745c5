import { describe, expect, it } from "vitest";
import { GraphError } from "../errors";
import { decodeSkipToken, encodeSkipToken } from "./skiptoken";

describe("$skiptoken", () => {
  it("round-trips the cursor and the original query options", () => {
    const cursor = {
      position: 999,
      nextId: "4562bcc8-c436-4f95-b7c0-4f8ce89dca5e",
      query: "$top=999&$select=id%2CdisplayName",
    };
    const token = encodeSkipToken(cursor);
    expect(token).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(decodeSkipToken(token)).toEqual(cursor);
  });

  it("rejects tokens it did not issue with a 400", () => {
    for (const bad of [
      "",
      "garbage",
      "RFNwdA",
      `RFNwdA${Buffer.from('{"position":"x"}').toString("base64url")}`,
    ]) {
      expect(() => decodeSkipToken(bad), bad).toThrow(GraphError);
    }
  });
});
