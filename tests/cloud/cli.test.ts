import { spawn } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { createInterface } from "node:readline";
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
    for (const key of ["clientId", "confidentialApp", "users", "password"])
      expect(info).toHaveProperty(key);
    const caCertPath = String(info.caCertPath);
    expect(existsSync(caCertPath)).toBe(true);

    const fetchCloud = createEmulatorFetch({
      port: Number(info.port),
      caCertPem: readFileSync(caCertPath, "utf8"),
    });
    const clock = await fetchCloud(`https://127.0.0.1:${String(info.port)}/_emulator/clock`);
    expect(clock.status).toBe(200);

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
