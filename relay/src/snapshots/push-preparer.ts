import { createRequire } from "node:module";
import { availableParallelism } from "node:os";
import { pathToFileURL } from "node:url";
import { Worker } from "node:worker_threads";
import { RelayHttpError } from "../http/errors";
import { prepareFromGzip } from "./prepare-from-gzip";
import { type PushTarget, prepareFromJson, type ReadyPush } from "./prepare-from-json";
import { type PushInput, prepareInput } from "./prepare-input";

/**
 * Runs `prepareFromJson` somewhere: inline (tests, tiny deployments) or on worker threads, so
 * that parsing, validating and hashing a multi-megabyte snapshot neither blocks the event loop
 * (every other request waits behind it) nor leaves the machine's other cores idle.
 */
export interface PushPreparer {
  /** From inflated JSON bytes (a synchronous push, inflated while it streamed in). */
  prepare(json: Uint8Array, target: PushTarget): Promise<ReadyPush>;
  /** From a stored gzip body (an asynchronous push): inflating is part of the work. */
  prepareGzip(
    gzip: Uint8Array,
    maxDecompressedBytes: number,
    target: PushTarget,
  ): Promise<ReadyPush>;
  close(): Promise<void>;
}

export const inlinePushPreparer: PushPreparer = {
  prepare: async (json, target) => prepareFromJson(json, target),
  prepareGzip: async (gzip, maxDecompressedBytes, target) =>
    prepareFromGzip(gzip, maxDecompressedBytes, target),
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
  bytes: Uint8Array;
  input: PushInput;
  target: PushTarget;
  resolve(push: ReadyPush): void;
  reject(error: unknown): void;
}

// The worker entry is TypeScript: load it through tsx's loader, which the worker must register
// itself (a Worker does not inherit the parent's module hooks). tsx is resolved from here, not
// from the working directory, so the relay may be started from anywhere.
const WORKER_URL = new URL("./push-worker.ts", import.meta.url).href;
const TSX_API_URL = resolveTsxApi();

function resolveTsxApi(): string {
  // `import.meta.resolve` picks tsx's ESM build (its CommonJS build cannot register hooks from
  // a worker). Vitest's module runner lacks it; there the ESM file sits beside the CommonJS one.
  if (typeof import.meta.resolve === "function") return import.meta.resolve("tsx/esm/api");
  const commonJs = createRequire(import.meta.url).resolve("tsx/esm/api");
  return pathToFileURL(commonJs.replace(/\.cjs$/, ".mjs")).href;
}
const WORKER_BOOT = `import(${JSON.stringify(TSX_API_URL)}).then(({ register }) => { register(); return import(${JSON.stringify(WORKER_URL)}); })`;

/**
 * Room for short-lived objects in each worker. A push parses ~4 MB of JSON into objects that zod
 * copies and the hash walks, all garbage a moment later; with V8's default young generation they
 * outgrow it and get copied around (promoted) before dying. 64 MB made the relay take ~20 % more
 * 5k-user pushes per second on 2 cores (docs/benchmarks/relay.md); it is a ceiling, not a
 * reservation.
 */
const WORKER_YOUNG_GENERATION_MB = 64;

/** Workers that fail to start this many times in a row make the preparer work inline instead. */
const MAX_BOOT_FAILURES = 3;

export function workerPushPreparer(
  size: number,
  options: { onFallback?: (error: unknown) => void; boot?: string } = {},
): PushPreparer {
  const queue: Job[] = [];
  const idle: Worker[] = [];
  const busy = new Map<Worker, Job>();
  let nextId = 0;
  let closed = false;
  let bootFailures = 0;
  // Once workers cannot start (e.g. tsx missing), pushes are prepared on the event loop: slower,
  // but the relay keeps accepting snapshots.
  let inline = false;

  const runInline = (job: Job) => {
    Promise.resolve()
      .then(() => prepareInput(job.bytes, job.input, job.target))
      .then(job.resolve, job.reject);
  };

  const settle = (job: Job, reply: WorkerReply) => {
    if ("ok" in reply) job.resolve(reply.ok);
    else if ("httpError" in reply) {
      const { status, code, message } = reply.httpError;
      job.reject(new RelayHttpError(status as 400 | 413 | 422, code, message));
    } else job.reject(new Error(`Snapshot preparation failed: ${reply.failure}`));
  };

  const spawnWorker = () => {
    const worker = new Worker(options.boot ?? WORKER_BOOT, {
      eval: true,
      resourceLimits: { maxYoungGenerationSizeMb: WORKER_YOUNG_GENERATION_MB },
    });
    let ready = false;
    worker.on("message", (reply: WorkerReply | { ready: true }) => {
      if ("ready" in reply) {
        ready = true;
        bootFailures = 0;
      } else {
        const job = busy.get(worker);
        busy.delete(worker);
        if (job !== undefined && job.id === reply.id) settle(job, reply);
      }
      idle.push(worker);
      dispatch();
    });
    worker.on("error", (error) => {
      if (!ready) {
        bootFailures += 1;
        if (bootFailures >= MAX_BOOT_FAILURES && !inline) {
          inline = true;
          options.onFallback?.(error);
          for (const job of queue.splice(0)) runInline(job);
        }
        return;
      }
      // A worker that dies mid-job fails that job (500) and is replaced; the job is not retried,
      // since the same input might kill the next worker too.
      busy.get(worker)?.reject(error);
      busy.delete(worker);
    });
    worker.on("exit", () => {
      const job = busy.get(worker);
      busy.delete(worker);
      job?.reject(new Error("Snapshot preparation worker exited"));
      const index = idle.indexOf(worker);
      if (index >= 0) idle.splice(index, 1);
      if (!closed && !inline) spawnWorker();
    });
    // Idle workers must not keep the process alive.
    worker.unref();
  };

  // Jobs go only to workers that said they are ready, so a worker that fails to start never
  // takes a job (and its transferred bytes) down with it.
  const dispatch = () => {
    while (idle.length > 0 && queue.length > 0) {
      const worker = idle.pop();
      const job = queue.shift();
      if (worker === undefined || job === undefined) return;
      busy.set(worker, job);
      worker.postMessage({ id: job.id, bytes: job.bytes, input: job.input, target: job.target }, [
        job.bytes.buffer as ArrayBuffer,
      ]);
    }
  };

  for (let i = 0; i < size; i += 1) spawnWorker();

  const submit = (bytes: Uint8Array, input: PushInput, target: PushTarget) =>
    new Promise<ReadyPush>((resolve, reject) => {
      if (closed) return reject(new Error("The push preparer is closed"));
      // Transfer needs a buffer of its own; a pooled Buffer slice is copied first.
      const own =
        bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength
          ? bytes
          : new Uint8Array(bytes);
      const job = { id: nextId++, bytes: own, input, target, resolve, reject };
      if (inline) return runInline(job);
      queue.push(job);
      dispatch();
    });

  return {
    prepare: (json, target) => submit(json, { kind: "json" }, target),
    prepareGzip: (gzip, maxDecompressedBytes, target) =>
      submit(gzip, { kind: "gzip", maxDecompressedBytes }, target),
    close: async () => {
      closed = true;
      const workers = [...idle, ...busy.keys()];
      for (const job of queue.splice(0)) job.reject(new Error("The relay is shutting down"));
      await Promise.all(workers.map((worker) => worker.terminate()));
    },
  };
}
