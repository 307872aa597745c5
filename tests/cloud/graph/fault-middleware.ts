import { constants } from "node:http2";
import type { MiddlewareHandler } from "hono";
import type { CloudContext } from "../context";
import { GraphError, throttledError } from "./errors";
import { decideFault } from "./faults";
import type { GraphEnv } from "./hono-env";

/** Thrown to drop a request without an answer (a fault of kind "reset"). */
export class ConnectionResetSignal extends Error {
  override readonly name = "ConnectionResetSignal";
  constructor(readonly destroyed: boolean) {
    super("graph emulator: connection reset by fault injection");
  }
}

/**
 * Applies the context's fault settings to one authenticated request: a forced 429, a 5xx, a reset
 * connection, or a delay that the endpoint guard sleeps once the request is admitted (so added
 * latency also holds concurrency slots, as a slow Graph would).
 */
export function faultMiddleware(ctx: CloudContext): MiddlewareHandler<GraphEnv> {
  return async (c, next) => {
    const decision = decideFault(ctx.graph.faults, ctx.graph.random, {
      path: c.req.path,
      tenantId: c.get("caller").tenant.id,
      batchEnvelope: c.req.path.endsWith("/$batch"),
    });
    c.set("faultDelayMs", decision.delayMs);
    switch (decision.kind) {
      case "throttle":
        throw throttledError(String(decision.retryAfterSeconds));
      case "serverError":
        throw new GraphError(
          decision.status,
          decision.status === 503 ? "serviceNotAvailable" : "generalException",
          "The service is temporarily unavailable. Please retry later.",
        );
      case "reset":
        throw new ConnectionResetSignal(dropConnection(c.env?.incoming));
      case "none":
        await next();
    }
  };
}

/**
 * Drops the request's connection: over HTTP/1.1 the socket is destroyed; over HTTP/2 (where the
 * compat socket refuses to be destroyed) the request's stream is reset with INTERNAL_ERROR.
 * Returns whether there was a connection to drop (false in-process).
 */
function dropConnection(incoming: GraphEnv["Bindings"]["incoming"]): boolean {
  if (!incoming) return false;
  if (incoming.stream) {
    incoming.stream.close(constants.NGHTTP2_INTERNAL_ERROR);
    return true;
  }
  if (incoming.socket) {
    incoming.socket.destroy();
    return true;
  }
  return false;
}
