import { execFileSync } from "node:child_process";
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";

const BIN = process.env.TL_TEST_POSTGRES_BIN ?? installedPostgresBin();

/** Debian installs each major version under /usr/lib/postgresql/<major>/bin: take the newest. */
function installedPostgresBin(): string {
  const root = "/usr/lib/postgresql";
  const majors = existsSync(root)
    ? readdirSync(root)
        .filter((name) => /^\d+$/.test(name))
        .sort((a, b) => Number(b) - Number(a))
    : [];
  return join(root, majors[0] ?? "15", "bin");
}

/**
 * A throw-away PostgreSQL server of our own, so a test can stop and start it without touching the
 * machine's shared service. PostgreSQL refuses to run as root, so when the tests run as root the
 * server runs as the `postgres` user in a directory it owns.
 */
export interface PrivatePostgres {
  url: string;
  port: number;
  start(): void;
  /** `immediate` is a crash stop: no checkpoint, recovery from the WAL on the next start. */
  stop(mode?: "fast" | "immediate"): void;
  destroy(): void;
}

function asPostgres(command: string, args: string[]): string {
  const runAsRoot = process.getuid?.() === 0;
  const [file, argv] = runAsRoot
    ? ["runuser", ["-u", "postgres", "--", join(BIN, command), ...args]]
    : [join(BIN, command), args];
  return execFileSync(file, argv, { encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] });
}

export async function sparePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() =>
        typeof address === "object" && address !== null
          ? resolve(address.port)
          : reject(new Error("no port")),
      );
    });
  });
}

export async function startPrivatePostgres(): Promise<PrivatePostgres> {
  const dir = mkdtempSync(join(tmpdir(), "tl-pg-"));
  if (process.getuid?.() === 0) {
    const uid = Number(execFileSync("id", ["-u", "postgres"], { encoding: "utf8" }).trim());
    const gid = Number(execFileSync("id", ["-g", "postgres"], { encoding: "utf8" }).trim());
    chownSync(dir, uid, gid);
  }
  const data = join(dir, "data");
  asPostgres("initdb", ["-D", data, "-A", "trust", "-U", "postgres", "--no-sync", "-E", "UTF8"]);
  const port = await sparePort();
  const options = `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c max_connections=40`;
  const start = () => {
    asPostgres("pg_ctl", [
      "-D",
      data,
      "-o",
      options,
      "-l",
      join(dir, "server.log"),
      "-w",
      "-t",
      "30",
      "start",
    ]);
  };
  const stop = (mode: "fast" | "immediate" = "fast") => {
    asPostgres("pg_ctl", ["-D", data, "-m", mode, "-w", "stop"]);
  };
  start();
  return {
    url: `postgres://postgres@127.0.0.1:${port}/postgres`,
    port,
    start,
    stop,
    destroy: () => {
      try {
        stop("immediate");
      } catch {
        // Already stopped: nothing to do before deleting the directory.
      }
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
