import { gzipSync } from "node:zlib";

/** What the extension adds to a push to have it answered 202 and processed in the background. */
export const RESPOND_ASYNC = { prefer: "respond-async" } as const;

interface CallInit {
  json?: unknown;
  gzip?: unknown;
  headers?: Record<string, string>;
}

/** A tiny relay client over real HTTP (Node's fetch), as the extension talks to the relay. */
export function relayClient(baseUrl: string, secret: string) {
  const call = (method: string, path: string, init: CallInit = {}) => {
    const headers: Record<string, string> = { authorization: `Bearer ${secret}`, ...init.headers };
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
  const snapshotPath = (companyId: string, snapshotId: string) =>
    `/v1/companies/${companyId}/snapshots/${snapshotId}`;
  return {
    call,
    createCompany: async (name: string): Promise<string> => {
      const response = await call("POST", "/v1/companies", { json: { name } });
      if (response.status !== 201)
        throw new Error(`create company: ${response.status} ${await response.text()}`);
      return ((await response.json()) as { company: { id: string } }).company.id;
    },
    push: (companyId: string, envelope: { snapshotId: string }) =>
      call("PUT", snapshotPath(companyId, envelope.snapshotId), { gzip: envelope }),
    /** The push with `Prefer: respond-async`: 202 and a status URL once the body is queued. */
    pushAsync: (companyId: string, envelope: { snapshotId: string }) =>
      call("PUT", snapshotPath(companyId, envelope.snapshotId), {
        gzip: envelope,
        headers: RESPOND_ASYNC,
      }),
  };
}

export type RelayClient = ReturnType<typeof relayClient>;
