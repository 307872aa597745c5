import { describe, expect, it } from "vitest";
import { GraphError } from "../errors";
import { type BatchItem, parseBatchBody, runBatch } from "./batch-request";

const request = (id: string, dependsOn: string[] = []) => ({
  id,
  method: "GET",
  url: `/users/${id}`,
  dependsOn,
});

describe("$batch body", () => {
  it("accepts 20 requests and rejects 21 with 400", () => {
    const twenty = Array.from({ length: 20 }, (_, index) => request(String(index + 1)));
    expect(parseBatchBody({ requests: twenty })).toHaveLength(20);
    const error = (() => {
      try {
        parseBatchBody({ requests: [...twenty, request("21")] });
      } catch (caught) {
        return caught as GraphError;
      }
      return undefined;
    })();
    expect(error).toBeInstanceOf(GraphError);
    expect(error?.status).toBe(400);
  });

  it("rejects duplicate ids, unknown dependencies, cycles and malformed items", () => {
    const bad: unknown[] = [
      null,
      { requests: "x" },
      { requests: [] },
      { requests: [request("1"), request("1")] },
      { requests: [request("1", ["9"])] },
      { requests: [request("1", ["2"]), request("2", ["1"])] },
      { requests: [{ id: "1", method: "TRACE", url: "/me" }] },
      { requests: [{ id: "1", method: "GET" }] },
    ];
    for (const body of bad)
      expect(() => parseBatchBody(body), JSON.stringify(body)).toThrow(GraphError);
  });
});

describe("batch dependency graph", () => {
  it("runs a dependant after its dependency and gives 424 to dependants of a failure", async () => {
    const items = parseBatchBody({
      requests: [request("1"), request("2", ["1"]), request("3", ["2"]), request("4")],
    });
    const order: string[] = [];
    const results = await runBatch(
      items,
      async (item: BatchItem) => {
        order.push(item.id);
        return { id: item.id, status: item.id === "1" ? 404 : 200, headers: {} };
      },
      (item) => ({ id: item.id, status: 424, headers: {} }),
    );
    expect(results.map((result) => [result.id, result.status])).toEqual([
      ["1", 404],
      ["2", 424],
      ["3", 424],
      ["4", 200],
    ]);
    expect(order).not.toContain("2");
    expect(order).not.toContain("3");
  });

  it("waits for every dependency before starting", async () => {
    const items = parseBatchBody({
      requests: [request("a"), request("b"), request("c", ["a", "b"])],
    });
    const finished: string[] = [];
    await runBatch(
      items,
      async (item) => {
        if (item.id === "c") expect(finished.sort()).toEqual(["a", "b"]);
        await new Promise((resolve) => setTimeout(resolve, item.id === "a" ? 20 : 1));
        finished.push(item.id);
        return { id: item.id, status: 200, headers: {} };
      },
      (item) => ({ id: item.id, status: 424, headers: {} }),
    );
    expect(finished).toContain("c");
  });
});
