import { execFile, spawn } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { createInterface } from "node:readline";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";
import { createEmulatorFetch } from "./node-client";

const REPO_ROOT = new URL("../../", import.meta.url).pathname;

function runCli(args: string[]) {
  const child = spawn(process.execPath, ["--import", "tsx", "tests/cloud/cli.ts", ...args], {
    cwd: REPO_ROOT,
    stdio: ["ignore", "pipe", "pipe"],
  });
  const exited = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));
  let stderr = "";
  child.stderr.on("data", (chunk: Buffer) => {
    stderr += chunk.toString();
  });
  return { child, exited, stderr: () => stderr };
}

describe("npm run emulator", () => {
  it("prints one JSON line describing the running emulator, serves, and exits cleanly on SIGTERM", async () => {
    const { child, exited } = runCli(["--port", "0", "--scenario", "demo", "--seed", "7"]);
    const lines = createInterface({ input: child.stdout });
    const first = await new Promise<string>((resolve) => lines.once("line", resolve));
    const info = JSON.parse(first) as Record<string, unknown>;
    expect(info).toMatchObject({ scenario: "demo", seed: 7 });
    expect(info.port).toEqual(expect.any(Number));
    expect(String(info.hostResolverRules)).toContain(
      `MAP login.microsoftonline.com 127.0.0.1:${String(info.port)}`,
    );
    expect(String(info.spkiHash)).toMatch(/^[A-Za-z0-9+/]{43}=$/);
    expect(info.clientId).toEqual(expect.any(String));
    expect(info.confidentialApp).toEqual({
      clientId: expect.any(String),
      clientSecret: expect.any(String),
    });
    const users = info.users as Array<{
      userPrincipalName: string;
      password: string;
      tenantId: string;
    }>;
    expect(users.length).toBeGreaterThan(0);
    expect(info.password).toEqual(users[0]?.password);
    const caCertPath = String(info.caCertPath);
    expect(existsSync(caCertPath)).toBe(true);

    const fetchCloud = createEmulatorFetch({
      port: Number(info.port),
      caCertPem: readFileSync(caCertPath, "utf8"),
    });
    const clock = await fetchCloud(`https://127.0.0.1:${String(info.port)}/_emulator/clock`);
    expect(clock.status).toBe(200);

    // Issue acceptance 7: curl with the CA and --resolve, a password-grant token, the demo users.
    const port = String(info.port);
    const curl = async (args: string[]) =>
      (await promisify(execFile)("curl", ["-sS", "--cacert", caCertPath, ...args])).stdout;
    const [admin] = users;
    const token = JSON.parse(
      await curl([
        "--resolve",
        `login.microsoftonline.com:${port}:127.0.0.1`,
        `https://login.microsoftonline.com:${port}/${admin?.tenantId}/oauth2/v2.0/token`,
        "--data-urlencode",
        "grant_type=password",
        "--data-urlencode",
        `client_id=${String(info.clientId)}`,
        "--data-urlencode",
        `username=${admin?.userPrincipalName}`,
        "--data-urlencode",
        `password=${admin?.password}`,
        "--data-urlencode",
        "scope=https://graph.microsoft.com/.default",
      ]),
    ) as { access_token: string };
    const listed = JSON.parse(
      await curl([
        "--resolve",
        `graph.microsoft.com:${port}:127.0.0.1`,
        "-H",
        `Authorization: Bearer ${token.access_token}`,
        `https://graph.microsoft.com:${port}/v1.0/users?$select=userPrincipalName&$top=999`,
      ]),
    ) as { value: Array<{ userPrincipalName: string }> };
    expect(listed.value.map((u) => u.userPrincipalName)).toContain(admin?.userPrincipalName);

    child.kill("SIGTERM");
    expect(await exited).toBe(0);
    expect(existsSync(caCertPath)).toBe(false);
  });

  it("refuses a malformed option with a message and exit code 2", async () => {
    const run = runCli(["--port", "http"]);
    expect(await run.exited).toBe(2);
    expect(run.stderr()).toContain("--port must be an integer");
  });
});
