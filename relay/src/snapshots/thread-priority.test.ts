import { readFileSync } from "node:fs";
import { Worker } from "node:worker_threads";
import { describe, expect, it } from "vitest";

/** The nice value of a task, field 19 of /proc/<task>/stat (after the parenthesised name). */
const niceOf = (statPath: string) =>
  Number(readFileSync(statPath, "utf8").split(") ")[1]?.split(" ")[16]);

describe.runIf(process.platform === "linux")("lowering one thread's priority", () => {
  it("lowers the calling worker thread only, not the process", async () => {
    const before = niceOf("/proc/thread-self/stat");
    // The worker imports the function the push workers use, through tsx's loader.
    const moduleUrl = new URL("./thread-priority.ts", import.meta.url).href;
    const source = `
      const { parentPort } = require("node:worker_threads");
      const { readFileSync } = require("node:fs");
      import(${JSON.stringify(import.meta.resolve("tsx/esm/api"))})
        .then(({ register }) => { register(); return import(${JSON.stringify(moduleUrl)}); })
        .then(({ lowerThisThreadsPriority }) => {
          const lowered = lowerThisThreadsPriority(${before} + 5);
          const stat = readFileSync("/proc/thread-self/stat", "utf8");
          parentPort.postMessage({ lowered, stat });
        });`;
    const worker = new Worker(source, { eval: true });
    const reply = await new Promise<{ lowered: boolean; stat: string }>((resolve, reject) => {
      worker.once("message", resolve);
      worker.once("error", reject);
    });
    await worker.terminate();
    expect(reply.lowered).toBe(true);
    expect(Number(reply.stat.split(") ")[1]?.split(" ")[16])).toBe(before + 5);
    expect(niceOf("/proc/thread-self/stat")).toBe(before);
    expect(niceOf("/proc/self/stat")).toBe(before);
  });
});
