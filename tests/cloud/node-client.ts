import { isIP } from "node:net";
import { connect as tlsConnect } from "node:tls";
import { Agent, type Dispatcher, fetch as undiciFetch } from "undici";

/**
 * A `fetch` for Node tests that reaches the emulator under Microsoft's real URLs: every
 * connection goes to 127.0.0.1:PORT whatever the URL's host, with SNI and certificate checks for
 * that host against the emulator's CA. Graph SDK and MSAL Node tests use it unchanged.
 */
export interface EmulatorClientOptions {
  port: number;
  caCertPem: string;
  /** Negotiate HTTP/2 (ALPN `h2`) as browsers do; HTTP/1.1 otherwise. */
  http2?: boolean;
}

export function createEmulatorDispatcher(options: EmulatorClientOptions): Dispatcher {
  return new Agent({
    allowH2: options.http2 ?? false,
    connect: (opts, callback) => {
      const servername = opts.servername ?? opts.hostname;
      const socket = tlsConnect({
        host: "127.0.0.1",
        port: options.port,
        // SNI carries host names only (RFC 6066); the admin API is reached by IP.
        ...(isIP(servername) ? {} : { servername }),
        ca: options.caCertPem,
        ALPNProtocols: options.http2 ? ["h2", "http/1.1"] : ["http/1.1"],
      });
      socket.setNoDelay(true);
      let settled = false;
      socket.once("secureConnect", () => {
        settled = true;
        callback(null, socket);
      });
      socket.once("error", (error) => {
        if (!settled) callback(error, null);
      });
    },
  });
}

export type EmulatorFetch = typeof globalThis.fetch;

export function createEmulatorFetch(options: EmulatorClientOptions): EmulatorFetch {
  const dispatcher = createEmulatorDispatcher(options);
  const bound = (
    input: Parameters<typeof undiciFetch>[0],
    init?: Parameters<typeof undiciFetch>[1],
  ) => undiciFetch(input, { ...init, dispatcher });
  // undici's fetch is the implementation behind Node's global fetch; only the nominal types differ.
  return bound as unknown as EmulatorFetch;
}
