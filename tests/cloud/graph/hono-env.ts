import type { GraphCaller } from "./auth";

/**
 * Hono environment of the Graph host. `Bindings` are what @hono/node-server passes (`incoming`,
 * the Node request, used to reset the connection) or what `$batch` passes to its inner requests.
 */
export interface GraphEnv {
  Bindings: {
    incoming?: { socket?: { destroy(): void }; stream?: { close(code?: number): void } };
    /** Set on requests that `$batch` runs, so they are not counted as separate HTTP requests. */
    batchItem?: boolean;
  };
  Variables: {
    caller: GraphCaller;
    requestId: string;
    clientRequestId: string;
    /** `v1.0` or `beta`. */
    version: string;
    /** Latency a fault adds once the request is admitted. */
    faultDelayMs: number;
  };
}
