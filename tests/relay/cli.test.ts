import { execFile } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { afterAll, describe, expect, it } from "vitest";

const run = promisify(execFile);
const REPO_ROOT = new URL("../../", import.meta.url).pathname;

/** `npm run relay -- …` as an admin types it: token create / list / revoke, migrate, bad input. */
describe("the relay CLI", () => {
  const dir = mkdtempSync(join(tmpdir(), "tl-cli-"));
  const env = { ...process.env, RELAY_DATABASE_URL: join(dir, "relay.sqlite") };
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  const cli = async (...args: string[]) => {
    try {
      const { stdout, stderr } = await run(
        process.execPath,
        ["--import", "tsx", "relay/src/cli.ts", ...args],
        { cwd: REPO_ROOT, env },
      );
      return { code: 0, stdout, stderr };
    } catch (error) {
      const failed = error as { code: number; stdout: string; stderr: string };
      return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
    }
  };

  it("creates a token shown once, lists it without its secret, and revokes it", async () => {
    expect((await cli("migrate")).stdout).toContain("up to date");
    const created = await cli(
      "token",
      "create",
      "--role",
      "technician",
      "--name",
      "Ana",
      "--expires-days",
      "30",
    );
    expect(created.code).toBe(0);
    const secret = /(tl_[A-Za-z0-9_-]{43})/.exec(created.stdout)?.[1];
    const id = /id ([0-9a-f-]{36})/.exec(created.stdout)?.[1];
    expect(secret).toBeDefined();
    const listed = await cli("token", "list");
    expect(listed.stdout).toContain(`${id}\ttechnician`);
    expect(listed.stdout).not.toContain(secret);
    expect((await cli("token", "revoke", id ?? "")).stdout).toContain(`Revoked token ${id}`);
    expect((await cli("token", "list")).stdout).toMatch(new RegExp(`${id}.*revoked`));
    expect((await cli("gc")).stdout).toContain("Deleted 0 unreferenced dataset blobs");
  });

  it("explains bad usage and bad configuration with exit code 2", async () => {
    const role = await cli("token", "create", "--role", "owner", "--name", "x");
    expect([role.code, role.stderr]).toEqual([
      2,
      expect.stringContaining("--role must be one of admin, technician, viewer"),
    ]);
    const unknown = await cli("frobnicate");
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain("Usage: npm run relay");
    const config = await run(process.execPath, ["--import", "tsx", "relay/src/cli.ts", "migrate"], {
      cwd: REPO_ROOT,
      env: { ...env, RELAY_PORT: "http" },
    }).catch((error: unknown) => error as { code: number; stderr: string });
    expect(config).toMatchObject({ code: 2, stderr: expect.stringContaining("RELAY_PORT") });
  });

  it("refuses to serve when its intake folder cannot be written, saying what to set", async () => {
    const blocker = join(dir, "a-file");
    writeFileSync(blocker, "not a folder");
    const serve = await run(process.execPath, ["--import", "tsx", "relay/src/cli.ts", "serve"], {
      cwd: REPO_ROOT,
      env: { ...env, RELAY_PORT: "0", RELAY_INTAKE_DIR: join(blocker, "intake") },
    }).catch((error: unknown) => error as { code: number; stderr: string });
    expect(serve).toMatchObject({
      code: 2,
      stderr: expect.stringMatching(
        /intake folder .*a-file\/intake cannot be written.*RELAY_INTAKE_DIR/,
      ),
    });
  });
});
