import { gzipSync } from "node:zlib";

/** A tiny relay client over real HTTP (Node's fetch), as the extension talks to the relay. */
export function relayClient(baseUrl: string, secret: string) {
  const call = (method: string, path: string, init: { json?: unknown; gzip?: unknown } = {}) => {
    const headers: Record<string, string> = { authorization: `Bearer ${secret}` };
    let body: Uint8Array<ArrayBuffer> | string | undefined;
    if (init.json !== undefined) {
      headers["content-type"] = "application/json";
      body = JSON.stringify(init.json);
    }
    if (init.gzip !== undefined) {
      headers["content-type"] = "application/json";
      headers["content-encoding"] = "gzip";
      body = new Uint8Array(gzipSync(JSON.stringify(init.gzip)));
    }
    return fetch(new URL(path, baseUrl), { method, headers, ...(body !== undefined && { body }) });
  };
  return {
    call,
    createCompany: async (name: string): Promise<string> => {
      const response = await call("POST", "/v1/companies", { json: { name } });
      if (response.status !== 201)
        throw new Error(`create company: ${response.status} ${await response.text()}`);
      return ((await response.json()) as { company: { id: string } }).company.id;
    },
    push: (companyId: string, envelope: { snapshotId: string }) =>
      call("PUT", `/v1/companies/${companyId}/snapshots/${envelope.snapshotId}`, {
        gzip: envelope,
      }),
  };
}
