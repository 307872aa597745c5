import { spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createInterface } from "node:readline";
import { afterAll, describe, expect, it } from "vitest";

const REPO_ROOT = new URL("../../", import.meta.url).pathname;

/**
 * The main job's output (`npm start`): the relay URL, the admin token on the first start only,
 * and what to do with the extension. The build itself is skipped here (the e2e project builds).
 */
describe("npm start", () => {
  const dir = mkdtempSync(join(tmpdir(), "tl-start-"));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  const start = () =>
    new Promise<{ output: string; url: string }>((resolve, reject) => {
      const child = spawn(process.execPath, ["--import", "tsx", "scripts/start.ts"], {
        cwd: REPO_ROOT,
        env: {
          ...process.env,
          TENANTLENS_SKIP_BUILD: "1",
          RELAY_PORT: "0",
          RELAY_DATABASE_URL: join(dir, "tenantlens.sqlite"),
        },
        stdio: ["ignore", "pipe", "pipe"],
      });
      let output = "";
      const timer = setTimeout(
        () => reject(new Error(`npm start printed no banner:\n${output}`)),
        45_000,
      );
      for (const stream of [child.stdout, child.stderr]) {
        createInterface({ input: stream }).on("line", async (line) => {
          output += `${line}\n`;
          if (!line.startsWith("Press Ctrl+C")) return;
          clearTimeout(timer);
          const url = /Relay:\s+(http:\/\/\S+)/.exec(output)?.[1] ?? "";
          const health = await fetch(new URL("/v1/health", url)).then(
            (r) => r.status,
            () => 0,
          );
          child.kill("SIGTERM");
          child.once("exit", () =>
            health === 200 ? resolve({ output, url }) : reject(new Error(`health ${health}`)),
          );
        });
      }
    });

  it("prints the relay URL, the admin token once, and the extension folder or why it is missing", async () => {
    const first = await start();
    expect(first.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(first.output).toMatch(/Admin token \(shown once, copy it now\): tl_[A-Za-z0-9_-]{43}/);
    expect(first.output).toMatch(
      /Extension: {2}(load the folder .*dist\/extension as an unpacked extension|NOT BUILT — .+)/,
    );

    const second = await start();
    expect(second.output).not.toMatch(/tl_[A-Za-z0-9_-]{43}/);
    expect(second.output).toContain("Admin token: created on the first start");
  });
});
