import { parentPort } from "node:worker_threads";
import { RelayHttpError } from "../http/errors";
import { type PushTarget, prepareFromJson } from "./prepare-from-json";

/** Worker thread entry: prepares one push at a time for push-preparer.ts. */
const port = parentPort;
if (port === null) throw new Error("push-worker.ts must run on a worker thread");

port.on("message", (job: { id: number; json: Uint8Array; target: PushTarget }) => {
  try {
    const ready = prepareFromJson(job.json, job.target);
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
});

// Tells the pool this worker loaded and may take jobs.
port.postMessage({ ready: true });
