import { createSecureServer, type Http2SecureServer } from "node:http2";
import type { AddressInfo } from "node:net";
import { createAdaptorServer } from "@hono/node-server";
import { type AdminMount, createAdminApp } from "./admin/app";
import { generateEmulatorCertificates } from "./certs";
import { type CloudContext, type CreateCloudOptions, createCloudContext } from "./context";
import { GRAPH_HOST, LOGIN_HOST, PORTAL_HOST } from "./hosts";
import { createIdentityApp } from "./identity/app";
import { attributionFromBearer, attributionOf, logRequest } from "./request-log";

/**
 * The emulator's one HTTPS server. Like Microsoft's front doors it speaks HTTP/2 and falls back to
 * HTTP/1.1 (ALPN), and it picks the service by Host (`:authority`): login.microsoftonline.com,
 * graph.microsoft.com, and the admin API on 127.0.0.1 / localhost.
 */
const ADMIN_HOSTS = new Set(["127.0.0.1", "localhost"]);

export interface RunningCloud {
  port: number;
  /** The admin API's base URL, `https://127.0.0.1:PORT`. */
  url: string;
  caCertPath: string;
  caCertPem: string;
  spkiHash: string;
  /** For Chromium's `--host-resolver-rules`. */
  hostResolverRules: string;
  ctx: CloudContext;
  close(): Promise<void>;
}

export type StartCloudOptions = CreateCloudOptions & { port?: number };

/** `env` is what @hono/node-server passes (`incoming`, `outgoing`); Graph uses it to reset connections. */
type FetchHandler = (request: Request, env?: unknown) => Response | Promise<Response>;

function hostOf(request: Request): string {
  return new URL(request.url).hostname.toLowerCase();
}

function jsonResponse(status: number, code: string, message: string): Response {
  return new Response(JSON.stringify({ error: { code, message } }), {
    status,
    headers: { "content-type": "application/json" },
  });
}

interface HostApp {
  fetch: FetchHandler;
}

interface GraphParts {
  host: HostApp;
  /** Graph's admin routes, mounted at `/_emulator/graph` on the admin host. */
  admin: AdminMount[];
}

/**
 * Microsoft Graph is built by another part of the emulator; if it cannot load, the login host
 * and the admin API still work and Graph answers 503 saying why (and the error goes to stderr).
 */
async function loadGraph(ctx: CloudContext): Promise<GraphParts> {
  try {
    const [{ createGraphApp }, { createGraphAdminRoutes }] = await Promise.all([
      import("./graph/app"),
      import("./graph/admin"),
    ]);
    const app = createGraphApp(ctx);
    return {
      host: { fetch: (request, env) => app.fetch(request, env as Parameters<typeof app.fetch>[1]) },
      admin: [{ path: "/_emulator/graph", routes: createGraphAdminRoutes(ctx) }],
    };
  } catch (error) {
    console.error("cloud emulator: Microsoft Graph is unavailable:", error);
    const message = `The Graph emulator failed to load: ${(error as Error).message}`;
    return { host: { fetch: () => jsonResponse(503, "ServiceUnavailable", message) }, admin: [] };
  }
}

/** Dispatches by host and logs every request it serves (Graph logs its own, with the caller). */
export async function createCloudDispatcher(ctx: CloudContext): Promise<FetchHandler> {
  const apps = new Map<string, HostApp>();
  const graph = await loadGraph(ctx);
  const admin = createAdminApp(ctx, graph.admin);
  apps.set(LOGIN_HOST, createIdentityApp(ctx));
  apps.set(GRAPH_HOST, graph.host);
  for (const host of ADMIN_HOSTS) apps.set(host, admin);

  return async (request, env) => {
    const host = hostOf(request);
    const app = apps.get(host);
    const response = app
      ? await app.fetch(request, env)
      : jsonResponse(421, "MisdirectedRequest", `The emulator does not serve ${host} (yet).`);
    if (host !== GRAPH_HOST) {
      const attribution = {
        ...attributionFromBearer(request.headers.get("authorization")),
        ...attributionOf(request),
      };
      const url = new URL(request.url);
      logRequest(ctx, {
        atMs: ctx.state.clock.now(),
        host,
        method: request.method,
        path: url.pathname,
        query: url.search.slice(1),
        tenantId: attribution.tenantId ?? null,
        appId: attribution.appId ?? null,
        status: response.status,
      });
    }
    return response;
  };
}

export function hostResolverRules(port: number): string {
  return [LOGIN_HOST, GRAPH_HOST, PORTAL_HOST]
    .map((host) => `MAP ${host} 127.0.0.1:${port}`)
    .join(", ");
}

export async function startCloud(options: StartCloudOptions = {}): Promise<RunningCloud> {
  const ctx = await createCloudContext(options);
  const certs = generateEmulatorCertificates();
  const dispatch = await createCloudDispatcher(ctx);
  const server = createAdaptorServer({
    fetch: dispatch,
    createServer: createSecureServer,
    serverOptions: {
      key: certs.leafKeyPem,
      cert: certs.leafCertPem,
      allowHTTP1: true,
    },
  }) as Http2SecureServer;

  // Track sockets so close() does not wait for idle keep-alive connections (Chromium keeps them).
  const sockets = new Set<import("node:net").Socket>();
  server.on("connection", (socket: import("node:net").Socket) => {
    sockets.add(socket);
    socket.on("close", () => sockets.delete(socket));
  });

  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port ?? 0, "127.0.0.1", () => {
      server.off("error", reject);
      resolve();
    });
  });
  const port = (server.address() as AddressInfo).port;

  return {
    port,
    url: `https://127.0.0.1:${port}`,
    caCertPath: certs.caCertPath,
    caCertPem: certs.caCertPem,
    spkiHash: certs.spkiHash,
    hostResolverRules: hostResolverRules(port),
    ctx,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => {
          certs.dispose();
          resolve();
        });
        for (const socket of sockets) socket.destroy();
      }),
  };
}
