import { availableParallelism } from "node:os";
import { Worker } from "node:worker_threads";
import { RelayHttpError } from "../http/errors";
import { type PushTarget, prepareFromJson, type ReadyPush } from "./prepare-from-json";

/**
 * Runs `prepareFromJson` somewhere: inline (tests, tiny deployments) or on worker threads, so
 * that parsing, validating and hashing a multi-megabyte snapshot neither blocks the event loop
 * (every other request waits behind it) nor leaves the machine's other cores idle.
 */
export interface PushPreparer {
  prepare(json: Uint8Array, target: PushTarget): Promise<ReadyPush>;
  close(): Promise<void>;
}

export const inlinePushPreparer: PushPreparer = {
  prepare: async (json, target) => prepareFromJson(json, target),
  close: async () => undefined,
};

/** Workers by default: one per core beyond the first (the event loop's), at least one. */
export function defaultPushWorkers(): number {
  return Math.max(1, Math.min(4, availableParallelism() - 1));
}

type WorkerReply =
  | { id: number; ok: ReadyPush }
  | { id: number; httpError: { status: number; code: string; message: string } }
  | { id: number; failure: string };

interface Job {
  id: number;
  json: Uint8Array;
  target: PushTarget;
  resolve(push: ReadyPush): void;
  reject(error: unknown): void;
}

// The worker entry is TypeScript: load it through tsx's loader, which the worker must register
// itself (a Worker does not inherit the parent's module hooks).
const WORKER_URL = new URL("./push-worker.ts", import.meta.url).href;
const WORKER_BOOT = `import("tsx/esm/api").then(({ register }) => { register(); return import(${JSON.stringify(WORKER_URL)}); })`;

export function workerPushPreparer(size: number): PushPreparer {
  const queue: Job[] = [];
  const idle: Worker[] = [];
  const busy = new Map<Worker, Job>();
  let nextId = 0;
  let closed = false;

  const spawnWorker = () => {
    const worker = new Worker(WORKER_BOOT, { eval: true });
    worker.on("message", (reply: WorkerReply) => {
      const job = busy.get(worker);
      busy.delete(worker);
      idle.push(worker);
      if (job !== undefined && job.id === reply.id) {
        if ("ok" in reply) job.resolve(reply.ok);
        else if ("httpError" in reply) {
          const { status, code, message } = reply.httpError;
          job.reject(new RelayHttpError(status as 400 | 413 | 422, code, message));
        } else job.reject(new Error(`Snapshot preparation failed: ${reply.failure}`));
      }
      dispatch();
    });
    // A worker that dies fails its job (500) and is replaced; the relay keeps serving.
    worker.on("error", (error) => {
      busy.get(worker)?.reject(error);
      busy.delete(worker);
    });
    worker.on("exit", () => {
      const job = busy.get(worker);
      busy.delete(worker);
      job?.reject(new Error("Snapshot preparation worker exited"));
      const index = idle.indexOf(worker);
      if (index >= 0) idle.splice(index, 1);
      if (!closed) {
        spawnWorker();
        dispatch();
      }
    });
    // Idle workers must not keep the process alive.
    worker.unref();
    idle.push(worker);
  };

  const dispatch = () => {
    while (idle.length > 0 && queue.length > 0) {
      const worker = idle.pop();
      const job = queue.shift();
      if (worker === undefined || job === undefined) return;
      busy.set(worker, job);
      worker.postMessage({ id: job.id, json: job.json, target: job.target }, [
        job.json.buffer as ArrayBuffer,
      ]);
    }
  };

  for (let i = 0; i < size; i += 1) spawnWorker();

  return {
    prepare: (json, target) =>
      new Promise<ReadyPush>((resolve, reject) => {
        if (closed) return reject(new Error("The push preparer is closed"));
        // Transfer needs a buffer of its own; a pooled Buffer slice is copied first.
        const own =
          json.byteOffset === 0 && json.byteLength === json.buffer.byteLength
            ? json
            : new Uint8Array(json);
        queue.push({ id: nextId++, json: own, target, resolve, reject });
        dispatch();
      }),
    close: async () => {
      closed = true;
      const workers = [...idle, ...busy.keys()];
      for (const job of queue.splice(0)) job.reject(new Error("The relay is shutting down"));
      await Promise.all(workers.map((worker) => worker.terminate()));
    },
  };
}
