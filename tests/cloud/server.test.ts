import { createHash, X509Certificate } from "node:crypto";
import { existsSync } from "node:fs";
import { connect as http2Connect } from "node:http2";
import { request as httpsRequest } from "node:https";
import { type PeerCertificate, connect as tlsConnect } from "node:tls";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createEmulatorFetch, type EmulatorFetch } from "./node-client";
import { type RunningCloud, startCloud } from "./server";

let cloud: RunningCloud;
let fetchCloud: EmulatorFetch;

beforeAll(async () => {
  cloud = await startCloud({ scenario: "empty" });
  fetchCloud = createEmulatorFetch({ port: cloud.port, caCertPem: cloud.caCertPem });
});
afterAll(async () => {
  await cloud.close();
});

function tlsHandshake(servername: string, alpn: string[]) {
  return new Promise<{ alpn: string | false | null; authorized: boolean; cert: PeerCertificate }>(
    (resolve, reject) => {
      const socket = tlsConnect(
        {
          host: "127.0.0.1",
          port: cloud.port,
          servername,
          ca: cloud.caCertPem,
          ALPNProtocols: alpn,
        },
        () => {
          resolve({
            alpn: socket.alpnProtocol,
            authorized: socket.authorized,
            cert: socket.getPeerCertificate(),
          });
          socket.end();
        },
      );
      socket.on("error", reject);
    },
  );
}

describe("HTTPS front door", () => {
  it("presents a certificate for Microsoft's hosts, trusted through the generated CA", async () => {
    for (const host of ["login.microsoftonline.com", "graph.microsoft.com", "portal.azure.com"]) {
      const { authorized } = await tlsHandshake(host, ["http/1.1"]);
      expect(authorized).toBe(true);
    }
    expect(existsSync(cloud.caCertPath)).toBe(true);
  });

  it("reports the leaf's SPKI sha256 for Chromium's allow-list", async () => {
    const { cert } = await tlsHandshake("login.microsoftonline.com", ["http/1.1"]);
    const spki = new X509Certificate(cert.raw).publicKey.export({ type: "spki", format: "der" });
    expect(cloud.spkiHash).toBe(createHash("sha256").update(spki).digest("base64"));
  });

  it("negotiates HTTP/2 (ALPN h2) and answers over it", async () => {
    expect((await tlsHandshake("login.microsoftonline.com", ["h2", "http/1.1"])).alpn).toBe("h2");
    const session = http2Connect(`https://127.0.0.1:${cloud.port}`, {
      ca: cloud.caCertPem,
      servername: "login.microsoftonline.com",
    });
    try {
      const status = await new Promise<number>((resolve, reject) => {
        const stream = session.request({
          ":path": "/common/v2.0/.well-known/openid-configuration",
          ":authority": "login.microsoftonline.com",
        });
        stream.on("response", (headers) => resolve(Number(headers[":status"])));
        stream.on("error", reject);
        stream.resume();
      });
      expect(status).toBe(200);
    } finally {
      session.close();
    }
  });

  it("falls back to HTTP/1.1 for clients without h2", async () => {
    expect((await tlsHandshake("login.microsoftonline.com", ["http/1.1"])).alpn).toBe("http/1.1");
    const status = await new Promise<number>((resolve, reject) => {
      const req = httpsRequest(
        {
          host: "127.0.0.1",
          port: cloud.port,
          servername: "login.microsoftonline.com",
          headers: { host: "login.microsoftonline.com" },
          path: "/common/v2.0/.well-known/openid-configuration",
          ca: cloud.caCertPem,
        },
        (res) => {
          res.resume();
          resolve(res.statusCode ?? 0);
        },
      );
      req.on("error", reject);
      req.end();
    });
    expect(status).toBe(200);
  });

  it("dispatches by host: login, Graph, and the admin API", async () => {
    const login = await fetchCloud(
      "https://login.microsoftonline.com/common/discovery/instance?api-version=1.1",
    );
    expect(login.status).toBe(200);
    const graph = await fetchCloud("https://graph.microsoft.com/v1.0/users");
    expect(graph.status).toBe(401);
    expect(((await graph.json()) as { error: { code: string } }).error.code).toBe(
      "InvalidAuthenticationToken",
    );
    const admin = await fetchCloud(`${cloud.url}/_emulator/clock`);
    expect(admin.status).toBe(200);
  });

  it("answers hosts it does not serve with 421", async () => {
    const response = await fetchCloud("https://management.azure.com/subscriptions");
    expect(response.status).toBe(421);
  });

  it("builds Chromium's host-resolver rules for the emulator's port", () => {
    expect(cloud.hostResolverRules).toBe(
      `MAP login.microsoftonline.com 127.0.0.1:${cloud.port}, MAP graph.microsoft.com 127.0.0.1:${cloud.port}, MAP portal.azure.com 127.0.0.1:${cloud.port}`,
    );
  });
});

describe("admin API", () => {
  async function postJson(path: string, body: unknown) {
    const response = await fetchCloud(`${cloud.url}${path}`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: typeof body === "string" ? body : JSON.stringify(body),
    });
    return { status: response.status, body: (await response.json()) as Record<string, unknown> };
  }

  it("advances the emulator clock", async () => {
    const before = cloud.ctx.state.clock.now();
    const { status, body } = await postJson("/_emulator/clock/advance", { ms: 3_600_000 });
    expect(status).toBe(200);
    expect(Number(body.nowMs)).toBeGreaterThanOrEqual(before + 3_600_000);
    const read = (await (await fetchCloud(`${cloud.url}/_emulator/clock`)).json()) as {
      nowMs: number;
    };
    expect(read.nowMs).toBeGreaterThanOrEqual(before + 3_600_000);
  });

  it("rejects a bad clock body with 400 and a message", async () => {
    expect((await postJson("/_emulator/clock/advance", { ms: -5 })).status).toBe(400);
    expect((await postJson("/_emulator/clock/advance", { ms: 1e300 })).status).toBe(400);
    expect((await postJson("/_emulator/clock/advance", { ms: "1h" })).status).toBe(400);
    const notJson = await postJson("/_emulator/clock/advance", "{oops");
    expect(notJson.status).toBe(400);
    expect(notJson.body).toEqual({ error: { code: "BadRequest", message: "Body must be JSON" } });
  });

  it("mounts the Graph emulator's admin routes under /_emulator/graph", async () => {
    const response = await fetchCloud(`${cloud.url}/_emulator/graph/faults`);
    expect(response.status).toBe(200);
  });

  it("answers revocation of an unknown user with 404", async () => {
    expect((await postJson("/_emulator/refresh-tokens/revoke", { userId: "nobody" })).status).toBe(
      404,
    );
    expect((await postJson("/_emulator/refresh-tokens/revoke", {})).status).toBe(400);
  });

  it("logs the requests it serves and filters them by host and path", async () => {
    await fetchCloud(
      "https://login.microsoftonline.com/organizations/v2.0/.well-known/openid-configuration",
    );
    const query = new URLSearchParams({
      host: "login.microsoftonline.com",
      path: "/organizations/v2.0/.well-known/openid-configuration",
    });
    const log = (await (await fetchCloud(`${cloud.url}/_emulator/requests?${query}`)).json()) as {
      count: number;
      requests: Array<{ method: string; status: number }>;
    };
    expect(log.count).toBeGreaterThanOrEqual(1);
    expect(log.requests[0]).toMatchObject({ method: "GET", status: 200 });
  });
});
