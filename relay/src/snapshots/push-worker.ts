import { parentPort } from "node:worker_threads";
import { RelayHttpError } from "../http/errors";
import type { PushTarget } from "./prepare-from-json";
import { type PushInput, prepareInput } from "./prepare-input";
import { lowerThisThreadsPriority } from "./thread-priority";

/** Worker thread entry: prepares one push at a time for push-preparer.ts. */
const port = parentPort;
const WORKER_NICENESS = 10;
if (port === null) throw new Error("push-worker.ts must run on a worker thread");

port.on(
  "message",
  (job: { id: number; bytes: Uint8Array; input: PushInput; target: PushTarget }) => {
    try {
      const ready = prepareInput(job.bytes, job.input, job.target);
      port.postMessage(
        { id: job.id, ok: ready },
        ready.datasets.map((dataset) => dataset.rowsJson.buffer as ArrayBuffer),
      );
    } catch (error) {
      if (error instanceof RelayHttpError) {
        port.postMessage({
          id: job.id,
          httpError: { status: error.status, code: error.code, message: error.message },
        });
      } else {
        port.postMessage({
          id: job.id,
          failure: error instanceof Error ? error.message : String(error),
        });
      }
    }
  },
);

// Requests (accepting pushes, reads, health checks) come before the heavy preparation work when
// both want the CPU; on a quiet machine the worker still gets a whole core.
lowerThisThreadsPriority(WORKER_NICENESS);

// Tells the pool this worker loaded and may take jobs.
port.postMessage({ ready: true });
