import { Agent, request } from "node:http";

/**
 * A lean HTTP client for the benchmark's pushes: node:http over kept-alive sockets, the body
 * written as it is. The benchmark's clients share the machine's two cores with the relay they
 * measure, so every millisecond a client spends is one the relay cannot: around 50 concurrent
 * 400 KB pushes, fetch() (undici) cost 3–5 ms of CPU per push here, this 1–2.5 ms.
 */
export function httpPutClient(maxSockets: number) {
  const agent = new Agent({ keepAlive: true, maxSockets });
  return {
    put: (url: URL, headers: Record<string, string>, body: Uint8Array): Promise<number> =>
      new Promise((resolve, reject) => {
        const call = request(
          url,
          {
            method: "PUT",
            agent,
            headers: { ...headers, "content-length": String(body.byteLength) },
          },
          (response) => {
            response.resume();
            response.once("end", () => resolve(response.statusCode ?? 0));
            response.once("error", reject);
          },
        );
        call.once("error", reject);
        call.end(body);
      }),
    close: () => agent.destroy(),
  };
}
